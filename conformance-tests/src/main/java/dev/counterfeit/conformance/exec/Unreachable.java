package dev.counterfeit.conformance.exec;

/** The server refused the connection (or its host does not resolve): running more cases against it is pointless. */
public final class Unreachable extends RuntimeException {
  public Unreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
