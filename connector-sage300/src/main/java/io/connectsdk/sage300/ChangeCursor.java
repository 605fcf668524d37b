package io.connectsdk.sage300;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Cursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of an incremental read, carried in the opaque {@link Cursor}. Not thread-safe: one
 * instance lives for one {@code readChanges} call.
 *
 * <p>A <em>sweep</em> reads every record whose change date is on or after {@code floor} (all
 * records when there is no floor), following {@code @odata.nextLink}. Because the change date has
 * day granularity, the next sweep starts again at the last day seen ({@code maxDay}), and records
 * already emitted with the same content are suppressed by a table of {@code key hash -> content
 * hash} entries. Entries are kept only where a re-read can happen: records of the floor day and of
 * the newest day seen, and records emitted from the page being read (a page is re-fetched from its
 * start when a read stops in the middle of it; positions may shift, so the re-read skips by hash
 * rather than by index). A record changed again since it was emitted has a new content hash and is
 * emitted again; changed back to an earlier content it is still emitted (the table keeps only the
 * latest hash per key).
 *
 * <p>Encoding: version byte, type name, floor and newest day (epoch days), the page URL to resume
 * at (empty between sweeps), the sweep position (start of the current {@code $skip} window and of
 * the current page), then entries of 13 bytes (32-bit key hash, 32-bit content hash, epoch
 * day, recent flag), URL-safe base64. The table holds at most {@link #MAX_ENTRIES} entries, so a
 * cursor stays under about 40 KB. If one day has more changes than that, the oldest entries are
 * dropped and those records may be emitted once more (never missed): the reader is at least once.
 */
final class ChangeCursor {
  static final int MAX_ENTRIES = 2048;
  static final int NO_DAY = Integer.MIN_VALUE;
  private static final byte VERSION = 1;

  private final String type;
  private int floor;
  private int maxDay;
  private String resume;
  private int windowStart;
  private int position;
  private final LinkedHashMap<Integer, long[]> entries;

  private ChangeCursor(String type, int floor, int maxDay, String resume, int windowStart,
      int position, LinkedHashMap<Integer, long[]> entries) {
    this.type = type;
    this.floor = floor;
    this.maxDay = maxDay;
    this.resume = resume;
    this.windowStart = windowStart;
    this.position = position;
    this.entries = entries;
  }

  /**
   * Decodes a cursor made for {@code type}.
   *
   * @throws IllegalArgumentException if the cursor is not one this connector made for this type
   */
  static ChangeCursor decode(EntityType type, Cursor cursor) {
    if (cursor.isBeginning()) {
      return new ChangeCursor(type.name(), NO_DAY, NO_DAY, "", 0, 0, new LinkedHashMap<>());
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(cursor.value());
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
      if (in.readByte() != VERSION) {
        throw new IllegalArgumentException("unknown sage300 cursor version");
      }
      String forType = in.readUTF();
      if (!forType.equals(type.name())) {
        throw new IllegalArgumentException(
            "cursor was made for " + forType + ", not for " + type.name());
      }
      int floor = in.readInt();
      int maxDay = in.readInt();
      String resume = in.readUTF();
      int windowStart = in.readInt();
      int position = in.readInt();
      int n = in.readInt();
      if (n < 0 || n > MAX_ENTRIES) {
        throw new IllegalArgumentException("corrupt sage300 cursor: " + n + " entries");
      }
      LinkedHashMap<Integer, long[]> entries = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        entries.put(in.readInt(), new long[] {in.readInt(), in.readInt(), in.readByte()});
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("corrupt sage300 cursor: trailing bytes");
      }
      return new ChangeCursor(forType, floor, maxDay, resume, windowStart, position, entries);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a sage300 cursor for " + type + ": "
          + e.getMessage(), e);
    }
  }

  Cursor encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 13);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(type);
      out.writeInt(floor);
      out.writeInt(maxDay);
      out.writeUTF(resume);
      out.writeInt(windowStart);
      out.writeInt(position);
      out.writeInt(entries.size());
      for (Map.Entry<Integer, long[]> e : entries.entrySet()) {
        out.writeInt(e.getKey());
        out.writeInt((int) e.getValue()[0]);
        out.writeInt((int) e.getValue()[1]);
        out.writeByte((int) e.getValue()[2]);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen: in-memory stream", e);
    }
    return Cursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
  }

  /** The first day of the current sweep, if any. */
  Optional<Integer> floor() {
    return floor == NO_DAY ? Optional.empty() : Optional.of(floor);
  }

  /** The page URL to re-fetch, if the last read stopped inside a sweep. */
  Optional<String> resume() {
    return resume.isEmpty() ? Optional.empty() : Optional.of(resume);
  }

  /** True if this record was emitted with exactly this content. */
  boolean known(int keyHash, int contentHash) {
    long[] e = entries.get(keyHash);
    return e != null && (int) e[0] == contentHash;
  }

  /** Notes a record's change day (emitted or not): the next sweep starts at the newest one. */
  void observe(int day) {
    maxDay = Math.max(maxDay, day);
  }

  /** Remembers an emitted record as part of the current page. */
  void emitted(int keyHash, int contentHash, int day) {
    observe(day);
    entries.remove(keyHash);
    entries.put(keyHash, new long[] {contentHash, day, 1});
    Iterator<Map.Entry<Integer, long[]>> it = entries.entrySet().iterator();
    while (entries.size() > MAX_ENTRIES && it.hasNext()) {
      if (it.next().getValue()[2] == 0) {
        it.remove();
      }
    }
  }

  /** The read stops inside this page; the next read re-fetches it. */
  void stopAt(String pageUrl) {
    resume = pageUrl;
  }

  /** The current page of {@code records} records is done; the sweep continues at {@code nextUrl}. */
  void pageDone(int records, String nextUrl) {
    position += records;
    resume = nextUrl;
    prune(floor, maxDay);
  }

  /** Records of the sweep consumed before the current page. */
  int position() {
    return position;
  }

  /** Records consumed since the current {@code $skip} window started. */
  int windowSize() {
    return position - windowStart;
  }

  /** A new {@code $skip=position} window starts. */
  void newWindow() {
    windowStart = position;
  }

  /** The sweep is complete: the next one starts at the newest day seen. */
  void sweepDone() {
    if (maxDay != NO_DAY) {
      floor = maxDay;
    }
    resume = "";
    windowStart = 0;
    position = 0;
    prune(floor, floor);
  }

  private void prune(int keepA, int keepB) {
    entries.values().removeIf(e -> e[1] != keepA && e[1] != keepB);
    entries.values().forEach(e -> e[2] = 0);
  }

  int size() {
    return entries.size();
  }
}
