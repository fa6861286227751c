package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Builds the tree of a spec from a streaming parser, keeping how each number was written. A user
 * who writes {@code Memory: 1e9} or {@code Name: 0x1F} unquoted means the text; a plain tree would
 * hand us {@code 1.0E9} and {@code 31}. Numeric fields still see the number.
 */
final class SpecTreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SpecTreeReader() {}

  static JsonNode read(JsonParser p) throws IOException, SpecFormatException {
    JsonToken t = p.nextToken();
    return t == null ? MissingNode.getInstance() : value(p, t);
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException, SpecFormatException {
    return switch (t) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> {
        var array = NODES.arrayNode();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
          array.add(value(p, item));
        }
        yield array;
      }
      case VALUE_STRING -> TextNode.valueOf(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> new WrittenNumbers.Int(p.getIntValue(), p.getText());
            case LONG -> new WrittenNumbers.Long(p.getLongValue(), p.getText());
            default -> new WrittenNumbers.Big(p.getBigIntegerValue(), p.getText());
          };
      case VALUE_NUMBER_FLOAT -> new WrittenNumbers.Double(p.getDoubleValue(), p.getText());
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      case VALUE_NULL -> NullNode.getInstance();
      default ->
          throw new SpecFormatException(
              "unsupported value at line " + p.currentLocation().getLineNr() + ": " + p.getText());
    };
  }

  private static ObjectNode object(JsonParser p) throws IOException, SpecFormatException {
    ObjectNode object = NODES.objectNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      int line = p.currentLocation().getLineNr();
      JsonNode v = value(p, p.nextToken());
      if (object.has(name)) {
        throw new SpecFormatException(
            "duplicate key '" + TreeKinds.shorten(name) + "' (line " + line + ")");
      }
      object.set(name, v);
    }
    return object;
  }
}
