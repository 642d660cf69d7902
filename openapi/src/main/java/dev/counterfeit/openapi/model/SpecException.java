package dev.counterfeit.openapi.model;

/** A spec the engine cannot serve; thrown at start, never while answering a request. */
public class SpecException extends RuntimeException {
  public SpecException(String message) {
    super(message);
  }
}
