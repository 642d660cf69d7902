package dev.counterfeit.conformance.junit;

import dev.counterfeit.conformance.config.KitConfig;
import dev.counterfeit.conformance.exec.KitRun;
import dev.counterfeit.conformance.exec.VendorRegistry;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the test factory its {@link KitRun}, configured from JUnit configuration parameters (which fall back to
 * system properties). The run lives in the class's store, so JUnit closes it (cleanup, summary) once every
 * dynamic test of the class has run.
 */
public final class KitExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KitExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KitRun.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context.getParent().orElse(context);
    return classContext.getStore(NAMESPACE).computeIfAbsent(KitRun.class, key -> {
      VendorRegistry vendors = VendorRegistry.load();
      KitConfig config = new KitConfig(context::getConfigurationParameter, vendors.ids());
      return KitRun.start(config, vendors, System.out);
    }, KitRun.class);
  }
}
