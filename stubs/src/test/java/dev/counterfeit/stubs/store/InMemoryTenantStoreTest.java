package dev.counterfeit.stubs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryTenantStoreTest {
  private final InMemoryTenantStore store = new InMemoryTenantStore();
  private final TenantKey acme = new TenantKey("fintoro", "acme");
  private final TenantKey globex = new TenantKey("fintoro", "globex");

  private java.util.Optional<ObjectNode> get(TenantKey tenant, String collection, String id) {
    return store.read(tenant, v -> v.get(collection, id));
  }

  private List<ObjectNode> list(TenantKey tenant, String collection) {
    return store.read(tenant, v -> v.list(collection));
  }

  private boolean remove(TenantKey tenant, String collection, String id) {
    return store.write(tenant, data -> data.remove(collection, id));
  }

  private long sequence(TenantKey tenant, String name) {
    return store.write(tenant, data -> data.nextSequence(name));
  }

  private static ObjectNode record(String name) {
    return JsonNodeFactory.instance.objectNode().put("name", name);
  }

  @Test
  void writtenRecordIsReadBackInItsTenantOnly() {
    store.write(acme, data -> {
      data.put("clients", "1", record("Acme"));
      return null;
    });
    assertThat(get(acme, "clients", "1")).hasValueSatisfying(r -> assertThat(r.get("name").asText()).isEqualTo("Acme"));
    assertThat(get(globex, "clients", "1")).isEmpty();
  }

  @Test
  void failedUnitOfWorkChangesNothing() {
    store.write(acme, data -> {
      data.put("clients", "1", record("Before"));
      return null;
    });
    assertThatThrownBy(() -> store.write(acme, data -> {
      data.put("clients", "1", record("After"));
      data.put("clients", "2", record("New"));
      data.remove("clients", "1");
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    assertThat(list(acme, "clients")).extracting(r -> r.get("name").asText()).containsExactly("Before");
  }

  @Test
  void recordsHandedOutAreCopies() {
    store.write(acme, data -> {
      data.put("clients", "1", record("Acme"));
      return null;
    });
    get(acme, "clients", "1").orElseThrow().put("name", "changed outside");
    assertThat(get(acme, "clients", "1").orElseThrow().get("name").asText()).isEqualTo("Acme");
  }

  @Test
  void listKeepsInsertionOrderAndRemoveReportsAbsence() {
    store.write(acme, data -> {
      data.put("clients", "2", record("second"));
      data.put("clients", "1", record("first"));
      return null;
    });
    assertThat(list(acme, "clients")).extracting(r -> r.get("name").asText()).containsExactly("second", "first");
    assertThat(remove(acme, "clients", "2")).isTrue();
    assertThat(remove(acme, "clients", "2")).isFalse();
  }

  @Test
  void idsAreUniqueAcrossTenantsAndStayAboveReservedOnes() {
    store.reserveId("fintoro", "clients", 103);
    assertThat(store.nextId("fintoro", "clients")).isEqualTo(104);
    assertThat(store.nextId("fintoro", "clients")).isEqualTo(105);
    assertThat(store.nextId("fintoro", "countries")).isEqualTo(1);
  }

  @Test
  void tenantSequencesCountPerTenantAndRollBackWithTheWork() {
    assertThat(sequence(acme, "clients")).isEqualTo(1);
    assertThat(sequence(globex, "clients")).isEqualTo(1);
    assertThatThrownBy(() -> store.write(acme, data -> {
      data.nextSequence("clients");
      throw new IllegalStateException();
    }));
    assertThat(sequence(acme, "clients")).isEqualTo(2);
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    store.write(acme, data -> {
      data.put("counters", "c", JsonNodeFactory.instance.objectNode().put("n", 0));
      return null;
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      futures.add(pool.submit(() -> store.write(acme, data -> {
        ObjectNode c = data.get("counters", "c").orElseThrow();
        c.put("n", c.get("n").asInt() + 1);
        data.put("counters", "c", c);
        return null;
      })));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(get(acme, "counters", "c").orElseThrow().get("n").asInt()).isEqualTo(400);
  }

  @Test
  void clearingOneVendorKeepsTheOthers() {
    TenantKey finsync = new TenantKey("finsync", "acme");
    store.write(acme, data -> {
      data.put("clients", "1", record("Fintoro client"));
      return null;
    });
    store.write(finsync, data -> {
      data.put("clients", "1", record("FinSync client"));
      return null;
    });
    store.nextId("fintoro", "clients");
    store.nextId("finsync", "clients");
    store.clear("fintoro");
    assertThat(get(acme, "clients", "1")).isEmpty();
    assertThat(get(finsync, "clients", "1")).isPresent();
    assertThat(store.nextId("fintoro", "clients")).isEqualTo(1);
    assertThat(store.nextId("finsync", "clients")).isEqualTo(2);
  }

  @Test
  void clearForgetsEverythingAndDumpShowsVendorTenantCollection() {
    store.write(acme, data -> {
      data.put("clients", "1", record("Acme"));
      return null;
    });
    assertThat(store.dump().at("/fintoro/acme/clients/0/name").asText()).isEqualTo("Acme");
    store.clear();
    assertThat(store.dump().isEmpty()).isTrue();
  }
}
