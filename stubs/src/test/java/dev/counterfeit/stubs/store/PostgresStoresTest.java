package dev.counterfeit.stubs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.counterfeit.stubs.testsupport.Postgres;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server, and what a wrong address or password answers. */
class PostgresStoresTest extends StoreContract {
  @Override
  protected Stores open() {
    return Stores.open(new StoreLocation.Database(Postgres.newDatabase()));
  }

  @Test
  void twoStoresOnOneDatabaseShareRecordsCountersMarkersAndSecrets() {
    String url = Postgres.newDatabase();
    try (Stores one = Stores.open(new StoreLocation.Database(url)); Stores two = Stores.open(new StoreLocation.Database(url))) {
      TenantKey acme = new TenantKey("fintoro", "acme");
      one.records().write(acme, data -> {
        data.put("clients", "1", JsonNodeFactory.instance.objectNode().put("name", "Shared"));
        return null;
      });
      assertThat((Object) two.records().read(acme, v -> v.get("clients", "1").isPresent())).isEqualTo(true);
      assertThat((Object) one.records().write(acme, d -> d.nextId("clients"))).isEqualTo(1L);
      assertThat((Object) two.records().write(acme, d -> d.nextId("clients"))).isEqualTo(2L);
      assertThat(one.secret("tokens")).isEqualTo(two.secret("tokens"));
      assertThat(one.records().claim("fintoro", "seed")).isTrue();
      assertThat(two.records().claim("fintoro", "seed")).isFalse();
    }
  }

  @Test
  void aWrongPasswordIsRefusedInOneLine() {
    String url = Postgres.newDatabase().replace("password=postgres", "password=wrong").replace("user=postgres", "user=nobody");
    assertThatThrownBy(() -> Stores.open(new StoreLocation.Database(url)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot use PostgreSQL")
        .hasMessageContaining("password=***")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("wrong"));
  }

  @Test
  void anUnreachableServerIsRefusedInOneLine() {
    assertThatThrownBy(() -> Stores.open(new StoreLocation.Database("jdbc:postgresql://127.0.0.1:1/nothing?user=x")))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot use PostgreSQL jdbc:postgresql://127.0.0.1:1/nothing")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
