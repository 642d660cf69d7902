package dev.counterfeit.stubs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every backend of {@link Stores} guarantees; one subclass per backend runs it on a real one. */
abstract class StoreContract {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  protected Stores stores;
  private TenantStore store;
  private final TenantKey acme = new TenantKey("fintoro", "acme");
  private final TenantKey globex = new TenantKey("fintoro", "globex");

  /** A new, empty store of this backend. */
  protected abstract Stores open();

  @BeforeEach
  void openStore() {
    stores = open();
    store = stores.records();
  }

  @AfterEach
  void closeStore() {
    stores.close();
  }

  private Optional<ObjectNode> get(TenantKey tenant, String collection, String id) {
    return store.read(tenant, v -> v.get(collection, id));
  }

  private List<String> names(TenantKey tenant, String collection, Query query) {
    return store.read(tenant, v -> v.query(collection, query)).items().stream().map(r -> r.path("name").asText()).toList();
  }

  private void put(TenantKey tenant, String collection, String id, ObjectNode record) {
    store.write(tenant, data -> {
      data.put(collection, id, record);
      return null;
    });
  }

  private static ObjectNode record(String name) {
    return NODES.objectNode().put("name", name);
  }

  @Test
  void writtenRecordIsReadBackInItsTenantOnly() {
    put(acme, "clients", "1", record("Acme"));
    assertThat(get(acme, "clients", "1")).hasValueSatisfying(r -> assertThat(r.get("name").asText()).isEqualTo("Acme"));
    assertThat(get(globex, "clients", "1")).isEmpty();
  }

  @Test
  void failedUnitOfWorkChangesNothing() {
    put(acme, "clients", "1", record("Before"));
    assertThatThrownBy(() -> store.write(acme, data -> {
      data.put("clients", "1", record("After"));
      data.put("clients", "2", record("New"));
      data.remove("clients", "1");
      data.nextSequence("clients");
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    assertThat(names(acme, "clients", Query.all())).containsExactly("Before");
    assertThat((Object) store.write(acme, data -> data.nextSequence("clients"))).isEqualTo(1L);
  }

  @Test
  void aFailedUnitPutsRemovedRecordsBackInTheirPlace() {
    put(acme, "clients", "1", record("a"));
    put(acme, "clients", "2", record("b"));
    put(acme, "clients", "3", record("c"));
    assertThatThrownBy(() -> store.write(acme, data -> {
      data.remove("clients", "1");
      data.remove("clients", "3");
      data.put("clients", "1", record("a, again"));
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    assertThat(names(acme, "clients", Query.all())).containsExactly("a", "b", "c");
  }

  @Test
  void aUnitOfWorkReadsItsOwnWrites() {
    String seen = store.write(acme, data -> {
      data.put("clients", "1", record("Mine"));
      return data.get("clients", "1").orElseThrow().get("name").asText() + "/" + data.query("clients", Query.all()).total();
    });
    assertThat(seen).isEqualTo("Mine/1");
  }

  @Test
  void recordsWrittenAndHandedOutAreCopiesWhetherNewOrRewritten() {
    ObjectNode written = record("Acme");
    put(acme, "clients", "1", written);
    written.put("name", "changed after put");
    get(acme, "clients", "1").orElseThrow().put("name", "changed outside");
    assertThat(get(acme, "clients", "1").orElseThrow().get("name").asText()).isEqualTo("Acme");

    ObjectNode rewritten = record("Acme, renamed");
    put(acme, "clients", "1", rewritten);
    rewritten.put("name", "changed after the second put");
    store.read(acme, v -> v.get("clients", "1")).orElseThrow().put("name", "changed outside");
    assertThat(get(acme, "clients", "1").orElseThrow().get("name").asText()).isEqualTo("Acme, renamed");
  }

  @Test
  void peekSeesWhatGetSeesExistsTellsPresenceAndAPeekedRecordIsNotChangedByALaterWrite() {
    put(acme, "clients", "1", record("Acme"));
    ObjectNode peeked = store.read(acme, v -> v.peek("clients", "1")).orElseThrow();
    assertThat(peeked).isEqualTo(get(acme, "clients", "1").orElseThrow());
    List<Boolean> present = store.read(acme, v -> List.of(v.exists("clients", "1"), v.exists("clients", "2"),
        v.exists("other", "1")));
    assertThat(present).containsExactly(true, false, false);
    boolean elsewhere = store.read(globex, v -> v.exists("clients", "1"));
    assertThat(elsewhere).as("another tenant's record").isFalse();

    put(acme, "clients", "1", record("Acme, renamed"));
    assertThat(peeked.get("name").asText()).as("a reader holding a peeked record").isEqualTo("Acme");
    assertThat(store.read(acme, v -> v.peek("clients", "1")).orElseThrow().get("name").asText()).isEqualTo("Acme, renamed");
  }

  @Test
  void aPeekedQuerySelectsTheSameItemsAndTotalAsAQuery() {
    put(acme, "clients", "1", record("Beta"));
    put(acme, "clients", "2", record("alpha"));
    put(acme, "clients", "3", record("Gamma"));
    Query query = new Query(List.of(), new Query.Sort("name", false), 1, 5);
    Slice copied = store.read(acme, v -> v.query("clients", query));
    Slice peeked = store.read(acme, v -> v.peek("clients", query));
    assertThat(peeked.items()).isEqualTo(copied.items());
    assertThat(peeked.total()).isEqualTo(copied.total()).isEqualTo(3);
    assertThat(peeked.items()).extracting(r -> r.get("name").asText()).containsExactly("Beta", "Gamma");
  }

  @Test
  void insertionOrderSurvivesReplacementAndRemoveReportsAbsence() {
    put(acme, "clients", "2", record("second"));
    put(acme, "clients", "1", record("first"));
    put(acme, "clients", "2", record("second, replaced"));
    assertThat(names(acme, "clients", Query.all())).containsExactly("second, replaced", "first");
    assertThat((Object) store.write(acme, data -> data.remove("clients", "2"))).isEqualTo(true);
    assertThat((Object) store.write(acme, data -> data.remove("clients", "2"))).isEqualTo(false);
  }

  @Test
  void textSurvivesAsSentIncludingNulAndNonAscii() {
    put(acme, "clients", "1", NODES.objectNode().put("name", "Zaží\u0000vá \"Łódź\" 😀").put("n", 12.50));
    ObjectNode back = get(acme, "clients", "1").orElseThrow();
    assertThat(back.get("name").asText()).isEqualTo("Zaží\u0000vá \"Łódź\" 😀");
    assertThat(back.get("n").decimalValue()).isEqualByComparingTo("12.5");
  }

  @Test
  void idsAreUniqueAcrossTenantsAndStayAboveReservedOnes() {
    store.write(acme, data -> {
      data.reserveId("clients", 103);
      return null;
    });
    assertThat((Object) store.write(acme, data -> data.nextId("clients"))).isEqualTo(104L);
    assertThat((Object) store.write(globex, data -> data.nextId("clients"))).isEqualTo(105L);
    assertThat((Object) store.write(globex, data -> data.nextId("countries"))).isEqualTo(1L);
    store.write(acme, data -> {
      data.reserveId("clients", 50);
      return null;
    });
    assertThat((Object) store.write(acme, data -> data.nextId("clients"))).isEqualTo(106L);
  }

  @Test
  void tenantSequencesCountPerTenant() {
    assertThat((Object) store.write(acme, data -> data.nextSequence("clients"))).isEqualTo(1L);
    assertThat((Object) store.write(acme, data -> data.nextSequence("clients"))).isEqualTo(2L);
    assertThat((Object) store.write(globex, data -> data.nextSequence("clients"))).isEqualTo(1L);
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    put(acme, "counters", "c", NODES.objectNode().put("n", 0));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
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
    assertThat(get(acme, "counters", "c").orElseThrow().get("n").asInt()).isEqualTo(200);
  }

  private void people() {
    store.write(acme, data -> {
      data.put("clients", "1", NODES.objectNode().put("name", "Bravo").put("city", "KRAKÓW").put("zip", 30).put("vip", true));
      data.put("clients", "2", NODES.objectNode().put("name", "alpha").put("city", "Brno").put("zip", 4).putNull("vip"));
      data.put("clients", "3", NODES.objectNode().put("name", "Charlie").put("city", "Kraków").put("zip", 100));
      data.put("clients", "4", NODES.objectNode().put("name", "delta").set("city", NODES.objectNode().put("x", "Kraków")));
      data.put("clients", "5", NODES.objectNode().put("name", "Echo").put("city", "Bratislava").put("zip", 4));
      return null;
    });
  }

  private static Query.Filter filter(String field, String value, Query.Match match) {
    return new Query.Filter(List.of(field), List.of(value), match);
  }

  @Test
  void filtersMatchScalarTextIgnoringCaseBeyondAscii() {
    people();
    assertThat(names(acme, "clients", new Query(List.of(filter("city", "kraków", Query.Match.CONTAINS)), null, 0, 100)))
        .containsExactly("Bravo", "Charlie");
    assertThat(names(acme, "clients", new Query(List.of(filter("city", "RAK", Query.Match.CONTAINS)), null, 0, 100)))
        .containsExactly("Bravo", "Charlie");
    assertThat(names(acme, "clients", new Query(List.of(filter("zip", "4", Query.Match.EQUALS)), null, 0, 100)))
        .containsExactly("alpha", "Echo");
    assertThat(names(acme, "clients", new Query(List.of(filter("vip", "TRUE", Query.Match.EQUALS)), null, 0, 100)))
        .containsExactly("Bravo");
    assertThat(names(acme, "clients", new Query(List.of(filter("name", "%", Query.Match.CONTAINS)), null, 0, 100)))
        .isEmpty();
  }

  @Test
  void aFilterHoldsWhenAnyFieldMatchesAnyValueAndAllFiltersMustHold() {
    people();
    Query.Filter anyField = new Query.Filter(List.of("name", "city"), List.of("br"), Query.Match.CONTAINS);
    assertThat(names(acme, "clients", new Query(List.of(anyField), null, 0, 100)))
        .containsExactly("Bravo", "alpha", "Echo");
    Query.Filter anyValue = new Query.Filter(List.of("name"), List.of("ALPHA", "echo"), Query.Match.EQUALS);
    assertThat(names(acme, "clients", new Query(List.of(anyValue), null, 0, 100))).containsExactly("alpha", "Echo");
    assertThat(names(acme, "clients", new Query(List.of(anyField, filter("zip", "4", Query.Match.EQUALS)), null, 0, 100)))
        .containsExactly("alpha", "Echo");
  }

  @Test
  void sortsNumbersByValueTextIgnoringCaseMissingLastAndTiesInInsertionOrder() {
    people();
    assertThat(names(acme, "clients", new Query(List.of(), new Query.Sort("zip", false), 0, 100)))
        .containsExactly("alpha", "Echo", "Bravo", "Charlie", "delta");
    assertThat(names(acme, "clients", new Query(List.of(), new Query.Sort("zip", true), 0, 100)))
        .containsExactly("delta", "Charlie", "Bravo", "alpha", "Echo");
    assertThat(names(acme, "clients", new Query(List.of(), new Query.Sort("name", false), 0, 100)))
        .containsExactly("alpha", "Bravo", "Charlie", "delta", "Echo");
  }

  @Test
  void pagesCountEveryMatchAndAnswerOnlyTheirSlice() {
    people();
    Slice second = store.read(acme, v -> v.query("clients", new Query(List.of(), new Query.Sort("name", false), 2, 2)));
    assertThat(second.total()).isEqualTo(5);
    assertThat(second.items()).extracting(r -> r.get("name").asText()).containsExactly("Charlie", "delta");
    Slice beyond = store.read(acme, v -> v.query("clients", new Query(List.of(), null, 10, 2)));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(5);
    Slice filtered = store.read(acme, v -> v.query("clients",
        new Query(List.of(filter("city", "b", Query.Match.CONTAINS)), null, 1, 1)));
    assertThat(filtered.total()).isEqualTo(2);
    assertThat(filtered.items()).extracting(r -> r.get("name").asText()).containsExactly("Echo");
  }

  @Test
  void aMarkerIsClaimedOnceUntilItsVendorIsCleared() {
    assertThat(store.claim("fintoro", "seed")).isTrue();
    assertThat(store.claim("fintoro", "seed")).isFalse();
    assertThat(store.claim("flowtly", "seed")).isTrue();
    store.clear("fintoro");
    assertThat(store.claim("fintoro", "seed")).isTrue();
    assertThat(store.claim("flowtly", "seed")).isFalse();
  }

  @Test
  void clearingOneVendorKeepsTheOthers() {
    TenantKey finsync = new TenantKey("finsync", "acme");
    put(acme, "clients", "1", record("Fintoro client"));
    put(finsync, "clients", "1", record("FinSync client"));
    store.write(acme, data -> data.nextId("clients"));
    store.write(finsync, data -> data.nextId("clients"));
    store.clear("fintoro");
    assertThat(get(acme, "clients", "1")).isEmpty();
    assertThat(get(finsync, "clients", "1")).isPresent();
    assertThat((Object) store.write(acme, data -> data.nextId("clients"))).isEqualTo(1L);
    assertThat((Object) store.write(finsync, data -> data.nextId("clients"))).isEqualTo(2L);
  }

  @Test
  void dumpShowsVendorTenantCollectionWithoutEngineStateAndClearForgetsAll() {
    put(acme, "clients", "1", record("Acme"));
    put(acme, "~idempotency", "k", record("internal"));
    put(new TenantKey("fintoro", "~vendor"), "~lockouts", "a", record("internal"));
    ObjectNode dump = store.dump();
    assertThat(dump.at("/fintoro/acme/clients/0/name").asText()).isEqualTo("Acme");
    assertThat(dump.at("/fintoro/acme").size()).isEqualTo(1);
    assertThat(dump.at("/fintoro").size()).isEqualTo(1);
    store.clear();
    assertThat(store.dump().isEmpty()).isTrue();
  }

  @Test
  void rateWindowsCountUpToTheLimitAndStartAgainAfterTheWindow() {
    RateWindows windows = stores.rateWindows();
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    Duration minute = Duration.ofMinutes(1);
    assertThat(windows.peek("fintoro\nk", 2, minute, t0).remaining()).isEqualTo(2);
    assertThat(windows.hit("fintoro\nk", 2, minute, t0).remaining()).isEqualTo(1);
    assertThat(windows.hit("fintoro\nk", 2, minute, t0.plusSeconds(10)).allowed()).isTrue();
    RateWindows.Decision third = windows.hit("fintoro\nk", 2, minute, t0.plusSeconds(20));
    assertThat(third.allowed()).isFalse();
    assertThat(third.resetAt()).isEqualTo(t0.plus(minute));
    assertThat(windows.peek("fintoro\nk", 2, minute, t0.plusSeconds(30)).allowed()).isFalse();
    assertThat(windows.hit("fintoro\nk", 2, minute, t0.plusSeconds(60)).remaining()).isEqualTo(1);
    windows.hit("apidev\nk", 1, minute, t0);
    windows.clear("fintoro\n");
    assertThat(windows.peek("fintoro\nk", 2, minute, t0.plusSeconds(61)).remaining()).isEqualTo(2);
    assertThat(windows.peek("apidev\nk", 1, minute, t0.plusSeconds(1)).allowed()).isFalse();
  }

  @Test
  void aSecretStaysTheSameForTheStore() {
    assertThat(stores.secret("tokens")).hasSize(32).isEqualTo(stores.secret("tokens"));
    assertThat(stores.secret("other")).isNotEqualTo(stores.secret("tokens"));
  }
}
