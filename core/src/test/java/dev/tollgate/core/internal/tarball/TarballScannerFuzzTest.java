package dev.tollgate.core.internal.tarball;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.PackageInspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;

class TarballScannerFuzzTest {

  private static final Limits SMALL = Limits.builder().maxTarEntries(200)
      .maxTarEntryBytes(1 << 20).maxTarTotalBytes(4 << 20).build();

  /** Arbitrary bytes give an inspection or a typed exception, nothing else. */
  @FuzzTest(maxDuration = "60s")
  void inspectsOrRejectsWithTypedExceptions(byte[] data) throws IOException {
    try {
      PackageInspector.inspectTarball("fuzz.tgz", new ByteArrayInputStream(data), SMALL,
          "sha512-AAAA");
    } catch (InvalidInputException | LimitExceededException expected) {
      // the only failures allowed
    }
  }
}
