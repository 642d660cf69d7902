package dev.counterfeit.stubs.store;

/** Whose data: one vendor's API, one company (tenant) on it. */
public record TenantKey(String vendor, String tenant) {}
