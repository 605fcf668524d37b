package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A small stateful stand-in for one Sage 300 resource with a single string key, for tests: GET
 * collection ($filter "F ge date" / "F eq 'v'", $top, $skip with a relative nextLink), GET, PATCH
 * and POST by key. Records are served in key order, like the ERP view.
 */
final class FakeSage extends Dispatcher {
  private static final Pattern GE = Pattern.compile("(\\w+) ge (\\d{4}-\\d{2}-\\d{2})T00:00:00Z");
  private static final Pattern EQ = Pattern.compile("(\\w+) eq '((?:[^']|'')*)'");
  private static final Pattern KEY = Pattern.compile("(\\w+)\\('((?:[^']|'')*)'\\)");

  private final String resource;
  private final String keyField;
  private final TreeMap<String, ObjectNode> records = new TreeMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  FakeSage(String resource, String keyField) {
    this.resource = resource;
    this.keyField = keyField;
  }

  synchronized void put(String key, String date, String... fieldsAndValues) {
    ObjectNode r = Json.object().put(keyField, key);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      r.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    r.put("DateLastMaintained", date + "T00:00:00Z");
    records.put(key, r);
  }

  synchronized ObjectNode record(String key) {
    return records.get(key);
  }

  synchronized int size() {
    return records.size();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String segment = request.getUrl().pathSegments().get(request.getUrl().pathSize() - 1);
    Matcher key = KEY.matcher(segment);
    if (key.matches()) {
      String id = key.group(2).replace("''", "'");
      return switch (request.getMethod()) {
        case "GET" -> records.containsKey(id) ? json(200, records.get(id)) : notFound();
        case "PATCH" -> patch(id, body(request));
        default -> error(405, "MethodNotAllowed");
      };
    }
    if (!segment.equals(resource)) {
      return error(404, "ResourceNotFound");
    }
    return request.getMethod().equals("POST") ? post(body(request)) : list(request);
  }

  private MockResponse list(RecordedRequest request) {
    String filter = request.getUrl().queryParameter("$filter");
    int top = Integer.parseInt(request.getUrl().queryParameter("$top"));
    String skipText = request.getUrl().queryParameter("$skip");
    int skip = skipText == null ? 0 : Integer.parseInt(skipText);
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode r : records.values()) {
      if (matches(filter, r)) {
        matching.add(r);
      }
    }
    ArrayNode value = Json.mapper().createArrayNode();
    matching.stream().skip(skip).limit(top).forEach(r -> value.add(r.deepCopy()));
    ObjectNode page = Json.object().put("@odata.context", "$metadata#" + resource);
    page.set("value", value);
    if (skip + top < matching.size()) {
      StringBuilder next = new StringBuilder(resource).append("?$top=").append(top);
      if (filter != null) {
        next.append("&$filter=").append(filter.replace(" ", "%20").replace("'", "%27"));
      }
      page.put("@odata.nextLink", next.append("&$skip=").append(skip + top).toString());
    }
    return json(200, page);
  }

  private boolean matches(String filter, ObjectNode r) {
    if (filter == null) {
      return true;
    }
    Matcher ge = GE.matcher(filter);
    if (ge.matches()) {
      return r.path(ge.group(1)).asText().substring(0, 10).compareTo(ge.group(2)) >= 0;
    }
    Matcher eq = EQ.matcher(filter);
    if (eq.matches()) {
      return r.path(eq.group(1)).asText().equals(eq.group(2).replace("''", "'"));
    }
    throw new IllegalArgumentException("fake cannot filter: " + filter);
  }

  private MockResponse patch(String id, ObjectNode body) {
    ObjectNode r = records.get(id);
    if (r == null) {
      return notFound();
    }
    r.setAll(body);
    return json(200, r);
  }

  private MockResponse post(ObjectNode body) {
    String id = body.path(keyField).asText();
    if (records.containsKey(id)) {
      return error(409, "RecordDuplicate");
    }
    records.put(id, body.deepCopy());
    return json(201, body);
  }

  private static ObjectNode body(RecordedRequest request) {
    try {
      return (ObjectNode) Json.mapper().readTree(request.getBody().utf8());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body.toString()).build();
  }

  static MockResponse notFound() {
    return error(404, "RecordNotFound");
  }

  static MockResponse error(int code, String sageCode) {
    ObjectNode e = Json.object();
    e.putObject("error").put("code", sageCode).putObject("message").put("lang", "en-US")
        .put("value", sageCode + " happened");
    return json(code, e);
  }

  static Map<String, String> pairs(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
