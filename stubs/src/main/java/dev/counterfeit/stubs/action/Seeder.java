package dev.counterfeit.stubs.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.counterfeit.stubs.security.Credentials;
import dev.counterfeit.stubs.store.TenantKey;
import dev.counterfeit.stubs.store.TenantStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a vendor's seed: demo credentials, reference data every tenant shares (lookups), and, unless
 * seeding is off, the demo tenants' records. Seed records use the vendor's field names plus {@code id};
 * the engine's own fields are filled in here.
 */
public final class Seeder {
  private static final String SEED_TIME = "2026-01-15T09:00:00Z";

  private final TenantStore store;
  private final Credentials credentials;

  public Seeder(TenantStore store, Credentials credentials) {
    this.store = store;
    this.credentials = credentials;
  }

  public void credentials(VendorApi api) {
    for (JsonNode c : api.seed().path("credentials")) {
      Set<String> grants = new HashSet<>();
      c.path("grants").forEach(g -> grants.add(g.asText()));
      credentials.add(api.vendor(), c.path("scheme").asText(), c.path("value").asText(), c.path("tenant").asText(),
          grants.isEmpty() ? Set.of("*") : grants, c.has("expires") ? Instant.parse(c.get("expires").asText()) : null);
    }
  }

  /**
   * Loads the seed into the store unless it is there already: a durable or shared store keeps it across
   * restarts and replicas, so each part (reference data, demo records) loads once per store.
   */
  public void data(VendorApi api, boolean demoRecords) {
    JsonNode seed = api.seed();
    boolean shared = store.claim(api.vendor(), "seed:shared");
    boolean demo = demoRecords && store.claim(api.vendor(), "seed:demo");
    if (!shared && !demo) {
      return;
    }
    Set<String> tenants = new TreeSet<>();
    seed.path("tenants").fieldNames().forEachRemaining(tenants::add);
    seed.path("credentials").forEach(c -> tenants.add(c.path("tenant").asText()));
    for (String tenant : tenants) {
      TenantKey key = new TenantKey(api.vendor(), tenant);
      store.write(key, data -> {
        if (shared) {
          load(api, tenant, seed.path("shared"), data);
        }
        if (demo) {
          load(api, tenant, seed.path("tenants").path(tenant).path("data"), data);
        }
        return null;
      });
    }
  }

  private void load(VendorApi api, String tenant, JsonNode collections, dev.counterfeit.stubs.store.TenantData data) {
    for (Iterator<Map.Entry<String, JsonNode>> it = collections.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> collection = it.next();
      IdStyle style = api.idStyle(collection.getKey());
      for (JsonNode item : collection.getValue()) {
        ObjectNode record = ((ObjectNode) item).deepCopy();
        JsonNode givenId = record.remove("id");
        String id = givenId != null ? givenId.asText() : style.next(data.nextId(collection.getKey()));
        long counter = style.counterOf(id);
        if (counter >= 0) {
          data.reserveId(collection.getKey(), counter);
        }
        String created = record.has("~createdAt") ? record.get("~createdAt").asText() : SEED_TIME;
        record.put(Records.ID, id);
        record.put(Records.TENANT, tenant);
        record.put(Records.CREATED, created);
        record.put(Records.UPDATED, record.path("~updatedAt").asText(created));
        record.put(Records.SEQUENCE, data.nextSequence(collection.getKey()));
        data.put(collection.getKey(), id, record);
      }
    }
  }
}
