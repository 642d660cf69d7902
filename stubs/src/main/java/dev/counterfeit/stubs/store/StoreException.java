package dev.counterfeit.stubs.store;

/** A store that cannot be used at start; the message is one line meant for the person starting the fake. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
