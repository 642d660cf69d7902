package dev.counterfeit.stubs.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which credential authenticates as which tenant, per vendor and security scheme. Seeded credentials come from
 * the seed on every replica alike; issued ones (a login's JWT) are HS256 tokens signed with the store's shared
 * secret and carry their tenant, grants and expiry, so any replica on the same store accepts them without
 * asking the store.
 */
public final class Credentials {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
  private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  /** The claim under which the fake keeps what it needs to accept its own token. */
  private static final String CLAIM = "counterfeit";

  private record Key(String vendor, String scheme, String value) {}

  private record Entry(Principal principal, Instant expires) {}

  private final Map<Key, Entry> seeded = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SecretKeySpec key;

  /** @param secret the store's shared signing secret, so every replica accepts the tokens another issued */
  public Credentials(Clock clock, byte[] secret) {
    this.clock = clock;
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** A seeded credential; {@code expires} null for one that never expires. */
  public void add(String vendor, String scheme, String value, String tenant, Set<String> grants, Instant expires) {
    seeded.put(new Key(vendor, scheme, value), new Entry(new Principal(tenant, grants), expires));
  }

  /** A signed token for the vendor's scheme; {@code claims} are the vendor's own and are copied. */
  public String issue(String vendor, String scheme, String tenant, Set<String> grants, Instant expires, ObjectNode claims) {
    ObjectNode payload = claims.deepCopy();
    payload.put("iat", clock.instant().getEpochSecond()).put("exp", expires.getEpochSecond());
    ObjectNode own = payload.putObject(CLAIM).put("vendor", vendor).put("scheme", scheme).put("tenant", tenant);
    grants.stream().sorted().forEach(own.putArray("grants")::add);
    String signed = HEADER + "." + B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    return signed + "." + B64.encodeToString(sign(signed));
  }

  /** The principal for a credential, empty when unknown, forged or expired. */
  Optional<Principal> find(String vendor, String scheme, String value) {
    Entry e = seeded.get(new Key(vendor, scheme, value));
    if (e != null) {
      return e.expires() != null && !clock.instant().isBefore(e.expires()) ? Optional.empty() : Optional.of(e.principal());
    }
    return verified(vendor, scheme, value);
  }

  private Optional<Principal> verified(String vendor, String scheme, String token) {
    int last = token.lastIndexOf('.');
    if (last < 0 || token.indexOf('.') == last || !token.startsWith(HEADER + ".")) {
      return Optional.empty();
    }
    try {
      byte[] expected = sign(token.substring(0, last));
      if (!MessageDigest.isEqual(expected, UNB64.decode(token.substring(last + 1)))) {
        return Optional.empty();
      }
      JsonNode payload = JSON.readTree(UNB64.decode(token.substring(HEADER.length() + 1, last)));
      JsonNode own = payload.path(CLAIM);
      if (!own.path("vendor").asText().equals(vendor) || !own.path("scheme").asText().equals(scheme)
          || clock.instant().getEpochSecond() >= payload.path("exp").asLong(0)) {
        return Optional.empty();
      }
      Set<String> grants = new HashSet<>();
      own.path("grants").forEach(g -> grants.add(g.asText()));
      return Optional.of(new Principal(own.path("tenant").asText(), grants));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
