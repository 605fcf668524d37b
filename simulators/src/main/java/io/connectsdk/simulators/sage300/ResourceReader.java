package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Answers GET for a collection (filter, count, server paging, next link) or a single record. */
final class ResourceReader {
  private final int pageSize;

  ResourceReader(int pageSize) {
    this.pageSize = pageSize;
  }

  /** Call with the store's monitor held. */
  SimResponse get(ResourceTable table, RequestPath path, String moduleUrl) {
    QueryOptions options = QueryOptions.parse(path.rawQuery(), table::knows);
    String context = moduleUrl + "$metadata#" + table.spec.name();
    if (path.key() != null) {
      if (!options.onlySelect()) {
        throw SageError.invalidParameters(
            "Only $select may be used when reading a single record by key.");
      }
      RecordKey key = KeyParser.parse(table.spec, path.key());
      ObjectNode record = table.get(key);
      if (record == null) {
        throw notFound(table.spec, key);
      }
      ObjectNode out = SimJson.object();
      out.put("@odata.context", context + "/$entity");
      out.setAll(select(record, options.select()));
      return SimResponse.json(200, SimJson.write(out));
    }
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode record : table.all()) {
      if (options.filter() == null || options.filter().test(record)) {
        matches.add(record);
      }
    }
    int from = Math.min(options.skip(), matches.size());
    int take = Math.min(pageSize, matches.size() - from);
    if (options.top() != null) {
      take = Math.min(take, options.top());
    }
    ObjectNode out = SimJson.object();
    out.put("@odata.context", context);
    if (options.count()) {
      out.put("@odata.count", matches.size());
    }
    ArrayNode value = out.putArray("value");
    for (ObjectNode record : matches.subList(from, from + take)) {
      value.add(select(record, options.select()));
    }
    boolean topLeft = options.top() == null || take < options.top();
    if (from + take < matches.size() && topLeft) {
      out.put("@odata.nextLink", nextLink(moduleUrl + table.spec.name(), options, from + take, take));
    }
    return SimResponse.json(200, SimJson.write(out));
  }

  static SageError notFound(ResourceSpec spec, RecordKey key) {
    return SageError.recordNotFound(
        "The record " + spec.name() + KeyParser.format(spec, key) + " was not found.");
  }

  private static String nextLink(String url, QueryOptions options, int nextSkip, int taken) {
    List<String> parts = new ArrayList<>();
    parts.add("$skip=" + nextSkip);
    if (options.top() != null) {
      parts.add("$top=" + (options.top() - taken));
    }
    parts.addAll(options.others());
    return url + "?" + String.join("&", parts);
  }

  private static ObjectNode select(ObjectNode record, List<String> select) {
    if (select == null) {
      return record.deepCopy();
    }
    ObjectNode out = SimJson.object();
    record.fields().forEachRemaining(f -> {
      if (select.contains(f.getKey())) {
        out.set(f.getKey(), f.getValue().deepCopy());
      }
    });
    return out;
  }
}
