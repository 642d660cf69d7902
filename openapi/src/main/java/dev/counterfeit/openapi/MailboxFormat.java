package dev.counterfeit.openapi;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * {@code format: email} as the vendors' frameworks check it: a local part, one {@code @}, and a dotted domain
 * with any top-level label. networknt's own check also requires a known top-level domain, which rejects the
 * reserved {@code .test} addresses the vendors' own examples use ({@code billing@acme.test}).
 */
final class MailboxFormat implements Format {
  private static final Pattern MAILBOX = Pattern.compile(
      "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

  @Override
  public String getName() {
    return "email";
  }

  @Override
  public boolean matches(ExecutionContext executionContext, String value) {
    return value.length() <= 254 && MAILBOX.matcher(value).matches();
  }
}
