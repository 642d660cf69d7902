package dev.counterfeit.stubs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded SQLite file, and what opening a bad file answers. */
class SqliteStoresTest extends StoreContract {
  @TempDir
  Path dir;

  @Override
  protected Stores open() {
    return open(Path.of("state.db"));
  }

  private Stores open(Path name) {
    return Stores.open(new StoreLocation.File(dir.resolve(name)));
  }

  @Test
  void recordsCountersAndSecretsSurviveReopening() {
    TenantKey acme = new TenantKey("fintoro", "acme");
    byte[] secret = stores.secret("tokens");
    stores.records().write(acme, data -> {
      data.put("clients", "7", JsonNodeFactory.instance.objectNode().put("name", "Kept"));
      return data.nextId("clients");
    });
    stores.close();
    stores = open();
    assertThat(stores.records().read(acme, v -> v.get("clients", "7")).orElseThrow().get("name").asText()).isEqualTo("Kept");
    assertThat((Object) stores.records().write(acme, data -> data.nextId("clients"))).isEqualTo(2L);
    assertThat(stores.secret("tokens")).isEqualTo(secret);
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedInOneLine() throws IOException {
    Path junk = dir.resolve("junk.db");
    Files.write(junk, "this is not SQLite at all, just some bytes long enough to look like a header".repeat(100).getBytes());
    assertThatThrownBy(() -> Stores.open(new StoreLocation.File(junk)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot use state file " + junk)
        .hasMessageContaining("not a database")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void anotherProgramsDatabaseIsLeftAlone() throws SQLException {
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE invoices (id INTEGER)");
    }
    assertThatThrownBy(() -> Stores.open(new StoreLocation.File(other)))
        .isInstanceOf(StoreException.class).hasMessageContaining("database of another program");
  }

  @Test
  void aFileWrittenByANewerVersionIsRefused() throws SQLException {
    stores.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
        Statement st = c.createStatement()) {
      st.execute("UPDATE cf_meta SET value = '99' WHERE name = 'schema'");
    }
    assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
        .hasMessageContaining("written by a newer counterfeit (schema version 99");
    stores = open(Path.of("fresh.db"));
  }

  @Test
  void aMissingFolderOrAnUnwritablePlaceIsRefused() {
    assertThatThrownBy(() -> Stores.open(new StoreLocation.File(dir.resolve("no/such/dir/state.db"))))
        .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Stores.open(new StoreLocation.File(Path.of("/proc/counterfeit-state.db"))))
        .isInstanceOf(StoreException.class).hasMessageStartingWith("Cannot use state file /proc/counterfeit-state.db");
  }
}
