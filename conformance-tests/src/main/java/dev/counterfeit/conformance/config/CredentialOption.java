package dev.counterfeit.conformance.config;

/**
 * The credentials a user can hand the kit without knowing a vendor's setting names. The CLI has one flag per
 * option ({@code --token}, {@code --read-email}, …), and each vendor's profile says which of its
 * {@code counterfeit.<vendor>.*} settings an option fills ({@link
 * dev.counterfeit.conformance.exec.VendorProfile.Factory#settings()}).
 */
public enum CredentialOption {
  /** The main credential, with write permission (an API key or a bearer token). */
  TOKEN,
  /** A credential with read permission only, for the 403 cases. */
  READ_TOKEN,
  /** A credential of another company, for tenant isolation. */
  OTHER_TOKEN,
  /** The tenant a vendor wants named beside the credential. */
  TENANT,
  /** A login e-mail, where the vendor hands out tokens for a login. */
  EMAIL,
  /** The password of {@link #EMAIL}. */
  PASSWORD,
  /** A login e-mail of a user with read permission only. */
  READ_EMAIL,
  /** The password of {@link #READ_EMAIL}. */
  READ_PASSWORD
}
