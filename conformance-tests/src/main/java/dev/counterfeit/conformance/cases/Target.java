package dev.counterfeit.conformance.cases;

/** Which item the operation's path parameter names. */
public enum Target {
  /** The path has no item parameter. */
  NONE,
  /** An item created once per run and reused by cases that do not change it. */
  SHARED,
  /** An item created for this case alone and cleaned up after it. */
  FRESH,
  /** An id that names no item. */
  UNKNOWN,
  /** An item that belongs to another tenant (company), created with the other tenant's credentials. */
  OTHER_TENANT
}
