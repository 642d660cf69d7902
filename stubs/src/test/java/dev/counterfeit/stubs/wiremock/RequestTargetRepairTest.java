package dev.counterfeit.stubs.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestTargetRepairTest {
  @Test
  void aTargetUriAcceptsIsLeftAsTheSameInstance() {
    String path = "/api/public/v1/clients/12;x=1:@!$&'()*+,=~-._%20";
    assertThat(RequestTargetRepair.escape(path, false)).isSameAs(path);
  }

  @Test
  void bracesPipesAndBracketsArePercentEncodedSoUriParsesThePath() {
    String escaped = RequestTargetRepair.escape("/clients/{id}|[0]^`\"<>\\", false);
    assertThat(escaped).isEqualTo("/clients/%7Bid%7D%7C%5B0%5D%5E%60%22%3C%3E%5C");
    assertThat(URI.create(escaped).getPath()).isEqualTo("/clients/{id}|[0]^`\"<>\\");
  }

  @Test
  void aStrayPercentBecomesALiteralPercent() {
    assertThat(RequestTargetRepair.escape("page=%zz&size=%", true)).isEqualTo("page=%25zz&size=%25");
    assertThat(RequestTargetRepair.escape("a=%4", true)).isEqualTo("a=%254");
  }

  @Test
  void nonAsciiIsEncodedAsUtf8AndQuestionMarksStayInQueries() {
    assertThat(RequestTargetRepair.escape("q=ü?", true)).isEqualTo("q=%C3%BC?");
    assertThat(RequestTargetRepair.escape("/a?b", false)).isEqualTo("/a%3Fb");
  }
}
