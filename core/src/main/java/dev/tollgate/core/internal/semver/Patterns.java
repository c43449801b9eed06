package dev.tollgate.core.internal.semver;

/**
 * node-semver 7.8.6's expressions ({@code internal/re.js}, the length-bounded {@code safeRe} forms),
 * copied verbatim from the sources it builds at load time.
 *
 * <p>Immutable and thread-safe.
 */
public final class Patterns {

  private Patterns() {}

  /** node-semver safeRe[FULL]. */
  public static final JsRegex FULL = JsRegex.compile("^v?(0|[1-9]\\d{0,256})\\.(0|[1-9]\\d{0,256})\\.(0|[1-9]\\d{0,256})(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?$");

  /** node-semver safeRe[LOOSE]. */
  public static final JsRegex LOOSE = JsRegex.compile("^[v=\\s]*(\\d{1,256})\\.(\\d{1,256})\\.(\\d{1,256})(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?$");

  /** node-semver safeRe[HYPHENRANGE]. */
  public static final JsRegex HYPHENRANGE = JsRegex.compile("^\\s{0,1}([v=\\s]*(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?)\\s{1,1}-\\s{1,1}([v=\\s]*(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?)\\s{0,1}$");

  /** node-semver safeRe[HYPHENRANGELOOSE]. */
  public static final JsRegex HYPHENRANGELOOSE = JsRegex.compile("^\\s{0,1}([v=\\s]*(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?)\\s{1,1}-\\s{1,1}([v=\\s]*(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?)\\s{0,1}$");

  /** node-semver safeRe[TILDE]. */
  public static final JsRegex TILDE = JsRegex.compile("^(?:~>?)[v=\\s]*(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?$");

  /** node-semver safeRe[TILDELOOSE]. */
  public static final JsRegex TILDELOOSE = JsRegex.compile("^(?:~>?)[v=\\s]*(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?$");

  /** node-semver safeRe[CARET]. */
  public static final JsRegex CARET = JsRegex.compile("^(?:\\^)[v=\\s]*(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?$");

  /** node-semver safeRe[CARETLOOSE]. */
  public static final JsRegex CARETLOOSE = JsRegex.compile("^(?:\\^)[v=\\s]*(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?$");

  /** node-semver safeRe[XRANGE]. */
  public static final JsRegex XRANGE = JsRegex.compile("^((?:<|>)?=?)\\s{0,1}[v=\\s]*(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:\\.(0|[1-9]\\d{0,256}|x|X|\\*)(?:(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?$");

  /** node-semver safeRe[XRANGELOOSE]. */
  public static final JsRegex XRANGELOOSE = JsRegex.compile("^((?:<|>)?=?)\\s{0,1}[v=\\s]*(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:\\.(\\d{1,256}|x|X|\\*)(?:(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*)))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)?)?$");

  /** node-semver safeRe[COMPARATOR]. */
  public static final JsRegex COMPARATOR = JsRegex.compile("^((?:<|>)?=?)\\s{0,1}(v?(0|[1-9]\\d{0,256})\\.(0|[1-9]\\d{0,256})\\.(0|[1-9]\\d{0,256})(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)$|^$");

  /** node-semver safeRe[COMPARATORLOOSE]. */
  public static final JsRegex COMPARATORLOOSE = JsRegex.compile("^((?:<|>)?=?)\\s{0,1}([v=\\s]*(\\d{1,256})\\.(\\d{1,256})\\.(\\d{1,256})(?:-?((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|\\d{1,256}))*))?(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))?)$|^$");

  /** node-semver safeRe[STAR]. */
  public static final JsRegex STAR = JsRegex.compile("(<|>)?=?\\s{0,1}\\*");

  /** node-semver safeRe[GTE0]. */
  public static final JsRegex GTE0 = JsRegex.compile("^\\s{0,1}>=\\s{0,1}0\\.0\\.0\\s{0,1}$");

  /** node-semver safeRe[GTE0PRE]. */
  public static final JsRegex GTE0PRE = JsRegex.compile("^\\s{0,1}>=\\s{0,1}0\\.0\\.0-0\\s{0,1}$");

  /** node-semver safeRe[COERCE]. */
  public static final JsRegex COERCE = JsRegex.compile("(^|[^\\d])(\\d{1,16})(?:\\.(\\d{1,16}))?(?:\\.(\\d{1,16}))?(?:$|[^\\d])");

  /** node-semver safeRe[COERCEFULL]. */
  public static final JsRegex COERCEFULL = JsRegex.compile("(^|[^\\d])(\\d{1,16})(?:\\.(\\d{1,16}))?(?:\\.(\\d{1,16}))?(?:(?:-((?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256})(?:\\.(?:\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}|0|[1-9]\\d{0,256}))*)))?(?:(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*)))?(?:$|[^\\d])");

  /** node-semver safeRe[BUILD]. */
  public static final JsRegex BUILD = JsRegex.compile("(?:\\+([a-zA-Z0-9-]{1,250}(?:\\.[a-zA-Z0-9-]{1,250})*))");

  /** node-semver safeRe[TILDETRIM]. */
  public static final JsRegex TILDETRIM = JsRegex.compile("(\\s{0,1})(?:~>?)\\s{1,1}");

  /** node-semver safeRe[CARETTRIM]. */
  public static final JsRegex CARETTRIM = JsRegex.compile("(\\s{0,1})(?:\\^)\\s{1,1}");

  /** node-semver BUILDSTRIPRE (unbounded src[BUILD], global). */
  public static final JsRegex BUILDSTRIP = JsRegex.compile("(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))");
}
