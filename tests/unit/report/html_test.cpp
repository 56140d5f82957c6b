// Unit tests of the HTML, Markdown and DOT writers: escaping of dataset text (expected strings
// written by hand), anchors, and what a report of a small dataset holds.

#include "credence/report/html.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "credence/core/error.hpp"
#include "credence/report/dot.hpp"
#include "credence/session.hpp"

namespace credence::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HtmlEscapeTest, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape(R"(a "b" & 'c')"), "a &quot;b&quot; &amp; &#39;c&#39;");
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;");  // no double-decoding shortcut
  EXPECT_EQ(HtmlEscape("plain \u00e9 text"), "plain \u00e9 text");
}

TEST(AnchorIdTest, KeepsSafeCharactersAndEncodesTheRest) {
  EXPECT_EQ(AnchorId("arms-race-quote"), "arms-race-quote");
  EXPECT_EQ(AnchorId("a b\"<"), "a~20b~22~3C");
  EXPECT_EQ(AnchorId("x~y"), "x~7Ey");  // '~' itself is encoded, so encodings cannot collide
  EXPECT_NE(AnchorId("a b"), AnchorId("a_b"));
}

TEST(DotStringTest, EscapesQuotesBackslashesAndLineBreaks) {
  EXPECT_EQ(DotString("plain"), "\"plain\"");
  EXPECT_EQ(DotString("say \"hi\"\\n"), "\"say \\\"hi\\\"\\\\n\"");
  EXPECT_EQ(DotString("two\nlines\t!"), "\"two\\nlines !\"");
}

// A dataset whose texts are markup; the report must show them as text.
const char* const kMarkupDataset =
    R"json({"type":"outlet","id":"o","name":"<b>Bold</b> & 'Co'","url":"javascript:alert(3)"}
{"type":"speaker","id":"s","name":"Eve \"the\" <i>spy</i>"}
{"type":"claim","id":"c<1>","text":"<script>alert(1)</script> \"q\" 'a' | *b* [l](x)"}
{"type":"claim","id":"d","text":"1. plain"}
{"type":"report","id":"r","outlet":"o"}
{"type":"stance","holder":"s","claim":"c<1>","polarity":"supports","report":"r"}
{"type":"stance","holder":"o","claim":"c<1>","polarity":"denies","report":"r"}
{"type":"stance","holder":"o","claim":"d","polarity":"supports","report":"r"}
)json";

class DocumentTest : public testing::Test {
 protected:
  void SetUp() override {
    session_ =
        Session::Run(io::ParseJsonl(kMarkupDataset, "credence-markup.jsonl"), SessionOptions{});
  }
  ReportModel Model() const {
    const ReportOptions options = DocumentReportOptions(50);
    return BuildReport(session_->data(), session_->analysis(),
                       session_->ExplainClaims(ClaimsToExplain(session_->analysis(), options)),
                       options);
  }
  std::string Html() const {
    std::ostringstream out;
    WriteHtmlReport(out, Model());
    return out.str();
  }
  std::unique_ptr<Session> session_;
};

TEST_F(DocumentTest, HtmlEscapesEveryDatasetText) {
  const std::string html = Html();
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39;"));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;Bold&lt;/b&gt; &amp; &#39;Co&#39;"));
  EXPECT_THAT(html, HasSubstr("Eve &quot;the&quot; &lt;i&gt;spy&lt;/i&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, Not(HasSubstr("<b>Bold")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));  // not a web address: no link
  // Exactly one script element: the report's own sorting script.
  const std::regex open("<script", std::regex::icase);
  EXPECT_EQ(
      std::distance(std::sregex_iterator(html.begin(), html.end(), open), std::sregex_iterator()),
      1);
  // The claim id "c<1>" is encoded in anchors and escaped in text.
  EXPECT_THAT(html, HasSubstr("id=\"claim-c~3C1~3E\""));
  EXPECT_THAT(html, HasSubstr("href=\"#claim-c~3C1~3E\""));
  EXPECT_THAT(html, HasSubstr("data-claim=\"c&lt;1&gt;\""));
}

TEST_F(DocumentTest, HtmlIsSelfContainedAndDeterministic) {
  const std::string html = Html();
  EXPECT_EQ(html, Html());
  EXPECT_THAT(html, Not(HasSubstr("src=")));  // no external script, image or frame
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  EXPECT_THAT(html, HasSubstr("<svg id=\"weight-chart\""));
  EXPECT_THAT(html, HasSubstr("<svg id=\"trust-chart\""));
  // The disputed claim (the only one with both sides) ranks first in the table.
  const auto first_row = html.find("<tr data-claim=");
  ASSERT_NE(first_row, std::string::npos);
  const std::string expected_row = "<tr data-claim=\"c&lt;1&gt;\"";
  EXPECT_EQ(html.substr(first_row, expected_row.size()), expected_row);
  // Sources link to the claims they took a side on, and the outlet row carries its anchor.
  EXPECT_THAT(html, HasSubstr("<tr id=\"source-o\""));
  EXPECT_THAT(html, HasSubstr("<a href=\"#source-o\">"));
}

TEST_F(DocumentTest, MarkdownEscapesEveryDatasetText) {
  std::ostringstream out;
  WriteMarkdownReport(out, Model());
  const std::string md = out.str();
  EXPECT_THAT(md, HasSubstr(R"(\<script\>alert(1)\</script\> "q" 'a' \| \*b\* \[l\](x))"));
  EXPECT_THAT(md, HasSubstr(R"(\<b\>Bold\</b\> \& 'Co')"));
  EXPECT_THAT(md, Not(HasSubstr("<script>")));
  EXPECT_THAT(md, HasSubstr("<a id=\"claim-c~3C1~3E\"></a>"));
  EXPECT_THAT(md, HasSubstr("\n> 1\\. plain\n"));  // not a numbered list inside the quote
}

TEST_F(DocumentTest, DotEscapesLabelsAndRejectsUnknownClaims) {
  std::ostringstream out;
  WriteNeighbourhoodDot(out, session_->data(), session_->graph(), session_->analysis(), "c<1>");
  const std::string dot = out.str();
  EXPECT_THAT(dot, HasSubstr("digraph G {"));
  EXPECT_THAT(dot, HasSubstr("Eve \\\"the\\\" <i>spy</i>"));
  EXPECT_THAT(dot, HasSubstr("label=\"supports\""));
  EXPECT_THAT(dot, HasSubstr("label=\"denies\""));
  std::ostringstream ignored;
  EXPECT_THAT(
      [&] {
        WriteNeighbourhoodDot(ignored, session_->data(), session_->graph(), session_->analysis(),
                              "nope");
      },
      testing::ThrowsMessage<InvalidArgumentError>(HasSubstr("no claim with id 'nope'")));
}

}  // namespace
}  // namespace credence::report
