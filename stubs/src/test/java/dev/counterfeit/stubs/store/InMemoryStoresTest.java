package dev.counterfeit.stubs.store;

/** The store contract on the default, in-memory backend. */
class InMemoryStoresTest extends StoreContract {
  @Override
  protected Stores open() {
    return Stores.open(StoreLocation.memory());
  }
}
