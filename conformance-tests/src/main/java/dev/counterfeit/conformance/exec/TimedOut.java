package dev.counterfeit.conformance.exec;

/** The server accepted the connection but gave no (complete) answer within the kit's timeout. */
public final class TimedOut extends RuntimeException {
  public TimedOut(String message, Throwable cause) {
    super(message, cause);
  }
}
