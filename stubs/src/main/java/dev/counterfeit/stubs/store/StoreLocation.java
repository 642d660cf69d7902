package dev.counterfeit.stubs.store;

import java.nio.file.Path;

/** Where a fake keeps its state. */
public sealed interface StoreLocation {
  /** In the process's memory: the fastest, gone at exit. */
  record Memory() implements StoreLocation {}

  /** An embedded database file (SQLite): every acknowledged write is on disk, a restart serves it again. */
  record File(Path path) implements StoreLocation {}

  /** A PostgreSQL database ({@code jdbc:postgresql://host/db?user=…}) that any number of replicas share. */
  record Database(String url) implements StoreLocation {}

  static StoreLocation memory() {
    return new Memory();
  }
}
