package dev.counterfeit.conformance.cases;

/**
 * A place in a request body the executor fills at run time, because its value only exists then.
 *
 * @param pointer JSON pointer into the body ({@code /client}, {@code /counterparties/1})
 * @param kind what fills it
 * @param name for {@link Kind#REFERENCE} the collection; for {@link Kind#CREDENTIAL} the credential key
 * @param iri for references: whether the value is an IRI ({@code /clients/12}) rather than a bare id
 * @param fresh for references: a new item made for this case, not the run's shared one
 */
public record Slot(String pointer, Kind kind, String name, boolean iri, boolean fresh) {

  /** What fills a slot. */
  public enum Kind {
    /** The id (or IRI) of an existing item of a collection ({@link dev.counterfeit.openapi.model.Property#ref()}). */
    REFERENCE,
    /** A configured credential value, e.g. the login e-mail. */
    CREDENTIAL
  }

  public static Slot reference(String pointer, String collection, boolean iri) {
    return new Slot(pointer, Kind.REFERENCE, collection, iri, false);
  }

  public static Slot credential(String pointer, String key) {
    return new Slot(pointer, Kind.CREDENTIAL, key, false, false);
  }

  public Slot asFresh() {
    return new Slot(pointer, kind, name, iri, true);
  }

  /** Whether this slot sits at or under the given top-level pointer. */
  public boolean within(String topPointer) {
    return pointer.equals(topPointer) || pointer.startsWith(topPointer + "/");
  }
}
