package dev.counterfeit.stubs.http;

/** Anything that answers a request: the engine, or a decorator around it. */
@FunctionalInterface
public interface HttpHandler {
  HttpResponse handle(HttpRequest request);
}
