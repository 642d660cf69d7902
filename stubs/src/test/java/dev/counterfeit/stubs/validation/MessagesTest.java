package dev.counterfeit.stubs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void vendorTemplateWinsOverTheDefaultAndFillsArguments() {
    Messages laravel = Messages.load("dev/counterfeit/stubs/profile/fintoro/messages.properties");
    Violation tooLong = new Violation(Violation.Location.BODY, "preferredTextAboveItems", "maxLength", Map.of("limit", 3000));
    assertThat(laravel.text(tooLong)).isEqualTo("The preferred text above items field must not be greater than 3000 characters.");
    assertThat(Messages.load(null).text(tooLong)).isEqualTo("preferredTextAboveItems must be at most 3000 characters long.");
  }

  @Test
  void formatErrorsUseTheFormatsOwnTemplate() {
    Violation email = new Violation(Violation.Location.BODY, "email", "format", Map.of("format", "email"));
    assertThat(Messages.load(null).text(email)).isEqualTo("email must be a valid email address.");
  }

  @Test
  void labelsReadLikeFrameworkAttributeNames() {
    assertThat(Messages.label("tax_id")).isEqualTo("tax id");
    assertThat(Messages.label("address.zipCode")).isEqualTo("zip code");
    assertThat(Messages.label("")).isEqualTo("body");
  }
}
