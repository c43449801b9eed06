/**
 * Domain values of Tollgate: package names and sources, the {@link dev.tollgate.api.DependencyGraph},
 * findings, severities and priorities, {@link dev.tollgate.api.Limits}, and the one exception family
 * rooted at {@link dev.tollgate.api.SupplyChainException}.
 *
 * <p><b>Nullness:</b> parameters are non-null unless stated; methods never return {@code null}.
 * {@link java.util.Optional} is used only for single return values that may be absent; collections
 * come back empty. Absent strings in records are the empty string, as each record documents.
 *
 * <p><b>Thread-safety:</b> every value type here is immutable and thread-safe; builders are not.
 *
 * @since 0.1
 */
package dev.tollgate.api;
