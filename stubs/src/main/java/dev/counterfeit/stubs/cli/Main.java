package dev.counterfeit.stubs.cli;

/** {@code java -jar counterfeit.jar [options]}; see {@code --help}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = new StubServerRunner(System.out, System.err).run(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
