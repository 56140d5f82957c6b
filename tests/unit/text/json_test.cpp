#include "credence/text/json.hpp"

#include <gtest/gtest.h>
namespace credence::text {
namespace {
TEST(JsonWriter, PlacesCommasAndColons) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("id").String("a\"b").Key("n").Int(3).Key("list").BeginArray().Newline();
  w.BeginObject().Key("x").Number("0.500000").EndObject().Newline();
  w.BeginObject().Key("ok").Bool(true).Key("none").Null().EndObject();
  w.EndArray().Key("tags").StringList({"p", "q"}).Key("empty").StringList({}).EndObject();
  EXPECT_EQ(
      out,
      "{\"id\":\"a\\\"b\",\"n\":3,\"list\":[\n{\"x\":0.500000},\n{\"ok\":true,\"none\":null}],"
      "\"tags\":[\"p\",\"q\"],\"empty\":[]}");
}
TEST(JsonWriter, WritesJsonLinesRecords) {
  // Two records a line each; the empty "title" is left out; 0.5873951 has 6 significant digits
  // 5,8,7,3,9,5 (the 7th, 1, rounds down); 1234567 rounds to 1.23457 x 10^6; 3 stays 3.
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("type", "outlet").Field("id", "a b").FieldIfNotEmpty("title", "");
  w.Key("prior").Number(0.5873951, 6).Key("n").Number(1234567, 6).Key("k").Number(3, 6);
  w.EndObject().EndLine();
  w.BeginObject().Field("type", "claim").FieldIfNotEmpty("text", "t\"").EndObject().EndLine();
  EXPECT_EQ(out,
            "{\"type\":\"outlet\",\"id\":\"a b\",\"prior\":0.587395,\"n\":1.23457e+06,"
            "\"k\":3}\n{\"type\":\"claim\",\"text\":\"t\\\"\"}\n");
}
TEST(JsonString, EscapesControlCharacters) {
  EXPECT_EQ(JsonString("a\\\n\t\x01\x7f"), "\"a\\\\\\n\\t\\u0001\\u007f\"");
}
}  // namespace
}  // namespace credence::text
