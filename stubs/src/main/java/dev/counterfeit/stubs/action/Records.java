package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * The engine's own fields on a stored record. They start with {@code ~}, which no vendor field does, so a
 * record keeps the body's fields as sent beside them.
 */
final class Records {
  static final String ID = "~id";
  static final String TENANT = "~tenant";
  static final String CREATED = "~createdAt";
  static final String UPDATED = "~updatedAt";
  static final String SEQUENCE = "~seq";

  private Records() {}

  static boolean isMeta(String field) {
    return field.startsWith("~");
  }

  /** Copies the engine's fields from one record to another (a replacement keeps its identity). */
  static void copyMeta(ObjectNode from, ObjectNode to) {
    for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (isMeta(name)) {
        to.set(name, from.get(name));
      }
    }
  }
}
