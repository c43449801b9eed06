package dev.tollgate.core.internal.tarball;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds crafted tarballs in memory for tests. */
final class Tarballs {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  Tarballs() {
    try {
      tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  Tarballs longNames(int mode) {
    tar.setLongFileMode(mode);
    return this;
  }

  Tarballs file(String path, String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8));
  }

  Tarballs file(String path, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(path, true);
    e.setSize(content.length);
    return put(e, content);
  }

  Tarballs entry(String path, byte type, String linkTarget) {
    TarArchiveEntry e = new TarArchiveEntry(path, type, true);
    if (linkTarget != null) {
      e.setLinkName(linkTarget);
    }
    return put(e, new byte[0]);
  }

  Tarballs symlink(String path, String target) {
    return entry(path, TarConstants.LF_SYMLINK, target);
  }

  Tarballs hardlink(String path, String target) {
    return entry(path, TarConstants.LF_LINK, target);
  }

  private Tarballs put(TarArchiveEntry e, byte[] content) {
    try {
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return this;
  }

  byte[] build() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String manifest(String name, String version, String scripts) {
    return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"license\":\"MIT\""
        + (scripts == null ? "" : ",\"scripts\":" + scripts) + "}";
  }
}
