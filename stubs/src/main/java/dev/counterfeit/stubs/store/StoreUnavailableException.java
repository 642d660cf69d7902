package dev.counterfeit.stubs.store;

/** The store stopped answering while serving (a database went away); the request may be retried later. */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
