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
TEST(JsonString, EscapesControlCharacters) {
  EXPECT_EQ(JsonString("a\\\n\t\x01\x7f"), "\"a\\\\\\n\\t\\u0001\\u007f\"");
}
}  // namespace
}  // namespace credence::text
