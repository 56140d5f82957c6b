// Unit tests of the explanation writers (report/writers.hpp, WriteExplanation) and of the marks
// the report model gives a stance: the lines of every format add up to the claim's log-odds, on
// every claim of every bundled dataset, and copies, position-merged denials and admissions are
// named in every format.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "credence/io/reader.hpp"
#include "credence/report/html.hpp"
#include "credence/report/model.hpp"
#include "credence/report/writers.hpp"
#include "credence/session.hpp"
#include "testutil/testutil.hpp"

namespace credence::report {
namespace {

using ::testing::HasSubstr;

std::string Explained(const Session& session, Index claim, OutputFormat format) {
  std::ostringstream out;
  WriteExplanation(out,
                   BuildExplainedClaim(session.data(), session.analysis(),
                                       session.Explain(session.data().claims[claim].id)),
                   format);
  return out.str();
}

// A JSON number, or NaN for null.
double NumberOrNan(simdjson::dom::element e) {
  if (e.is_null()) return std::nan("");
  return e.get_double().value();
}

// The JSON explanation of one claim: base_log_odds + every stance's log_odds + every discount's
// log_odds == log_odds to 1e-9; log_odds is null only for a claim alone in its group (belief 1,
// no alternatives line). Returns the number of stances checked.
std::size_t CheckJsonAddsUp(const std::string& json, const Claim& claim) {
  SCOPED_TRACE(claim.id);
  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.parse(json);
  double sum = doc["base_log_odds"].get_double().value();
  std::size_t stances = 0;
  for (simdjson::dom::element s : doc["stances"].get_array()) {
    const double v = s["log_odds"].get_double().value();
    sum += v;
    ++stances;
    // Relays, copies and inert members add nothing; a counted one adds its unit's score.
    if (!s["counted"].get_bool().value()) {
      EXPECT_EQ(v, 0.0);
    } else {
      EXPECT_EQ(v, s["unit_log_odds"].get_double().value());
    }
  }
  bool alternatives = false;
  for (simdjson::dom::element d : doc["discounts"].get_array()) {
    sum += d["log_odds"].get_double().value();
    const std::string_view kind = d["kind"].get_string().value();
    EXPECT_TRUE(kind == "echo discount" || kind == "alternatives") << kind;
    alternatives = alternatives || kind == "alternatives";
  }
  const double log_odds = NumberOrNan(doc["log_odds"]);
  if (std::isnan(log_odds)) {
    EXPECT_NE(claim.group, kNone) << "log_odds is null only for a claim alone in its group";
    EXPECT_FALSE(alternatives);
    EXPECT_EQ(doc["belief"].get_double().value(), 1.0);
  } else {
    EXPECT_NEAR(sum, log_odds, 1e-9);
    EXPECT_EQ(alternatives, claim.group != kNone);
  }
  return stances;
}

// The CSV explanation: the log_odds of every row but "total" add up to the total's.
void CheckCsvAddsUp(const std::string& csv, const Claim& claim) {
  SCOPED_TRACE(claim.id);
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line.substr(0, 4), "row,");
  double sum = 0.0;
  bool total_seen = false;
  while (std::getline(in, line)) {
    // log_odds is the tenth field; the fields before it hold ids, which have no commas here.
    std::vector<std::string> fields;
    std::stringstream row(line);
    for (std::string f; std::getline(row, f, ',');) fields.push_back(f);
    ASSERT_GE(fields.size(), 10U) << line;
    if (fields[0] == "total") {
      total_seen = true;
      if (!fields[9].empty()) {
        EXPECT_NEAR(sum, std::stod(fields[9]), 1e-9);
      }
    } else {
      sum += std::stod(fields[9]);
    }
  }
  EXPECT_TRUE(total_seen);
}

std::vector<std::string> BundledDatasets() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(testutil::SourcePath("datasets"))) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".jsonl" || ext == ".csv") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ExplanationJsonTest, LinesAddUpToTheLogOddsOnEveryBundledClaim) {
  const std::vector<std::string> files = BundledDatasets();
  ASSERT_GE(files.size(), 3U);
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    const auto session = Session::Run(file, SessionOptions{});
    const Dataset& data = session->data();
    std::size_t stances = 0;
    for (Index c = 0; c < data.claims.size(); ++c) {
      stances += CheckJsonAddsUp(Explained(*session, c, OutputFormat::kJson), data.claims[c]);
      CheckCsvAddsUp(Explained(*session, c, OutputFormat::kCsv), data.claims[c]);
    }
    EXPECT_GT(stances, 0U);
  }
}

// Minister (of Gov) admits meeting him (the claim is adverse to Gov); Alpha's report cites the
// wire report holding that stance and repeats it (a copy); Rival denies it. Doctor supports
// "twenty died" and denies "ten died" (one position); Beta supports "ten died". Alpha alone
// supports the only claim of the group "lonely".
const char* const kMarks =
    R"json({"type":"outlet","id":"wire","name":"Wire","kind":"wire"}
{"type":"outlet","id":"alpha","name":"Alpha"}
{"type":"outlet","id":"beta","name":"Beta"}
{"type":"organisation","id":"gov","name":"Gov"}
{"type":"speaker","id":"min","name":"Minister","affiliation":["gov"]}
{"type":"speaker","id":"riv","name":"Rival"}
{"type":"speaker","id":"doc","name":"Doctor"}
{"type":"claim","id":"met","text":"The minister met him.","adverse_to":["gov"]}
{"type":"claim","id":"t20","text":"Twenty died.","group":"toll"}
{"type":"claim","id":"t10","text":"Ten died.","group":"toll"}
{"type":"claim","id":"solo","text":"The only alternative.","group":"lonely"}
{"type":"report","id":"rw","outlet":"wire"}
{"type":"report","id":"ra","outlet":"alpha","cites":["rw"]}
{"type":"report","id":"rb","outlet":"beta"}
{"type":"stance","holder":"min","claim":"met","polarity":"supports","report":"rw"}
{"type":"stance","holder":"alpha","claim":"met","polarity":"supports","report":"ra"}
{"type":"stance","holder":"riv","claim":"met","polarity":"denies","report":"rb"}
{"type":"stance","holder":"doc","claim":"t20","polarity":"supports","report":"rb"}
{"type":"stance","holder":"doc","claim":"t10","polarity":"denies","report":"rb"}
{"type":"stance","holder":"beta","claim":"t10","polarity":"supports","report":"rb"}
{"type":"stance","holder":"alpha","claim":"solo","polarity":"supports","report":"ra"}
)json";

class MarksTest : public testing::Test {
 protected:
  void SetUp() override {
    session_ = Session::Run(io::ParseJsonl(kMarks, "credence-marks.jsonl"), SessionOptions{});
  }
  const Dataset& data() const { return session_->data(); }
  ExplainedClaim Explain(const char* id) const {
    return BuildExplainedClaim(data(), session_->analysis(), session_->Explain(id));
  }
  std::string Write(const char* id, OutputFormat format) const {
    return Explained(*session_, data().FindClaim(id), format);
  }
  // The first stance of `holder` in the explanation of `id`, with the model's view of it.
  const StanceView& View(const ExplainedClaim& x, const char* holder, int polarity) const {
    for (std::size_t i = 0; i < x.evidence.stances.size(); ++i) {
      if (x.evidence.stances[i].holder == data().FindSource(holder) &&
          x.evidence.member(i).polarity == polarity &&
          data().stances[x.evidence.stances[i].stance].claim == x.evidence.explanation.claim) {
        return x.evidence.stances[i];
      }
    }
    ADD_FAILURE() << "no stance of " << holder;
    return x.evidence.stances.front();
  }
  std::unique_ptr<Session> session_;
};

std::vector<std::string> Texts(const StanceView& view) {
  std::vector<std::string> texts;
  for (const Mark& m : view.marks) texts.push_back(m.text);
  return texts;
}

TEST_F(MarksTest, ACopyNamesTheReportAndHolderItCopies) {
  const ExplainedClaim x = Explain("met");
  const StanceView& copy = View(x, "alpha", +1);
  EXPECT_THAT(Texts(copy), testing::ElementsAre("copy of rw by Minister"));
  EXPECT_EQ(copy.marks[0].kind, MarkKind::kCopy);
  EXPECT_THAT(Write("met", OutputFormat::kTable),
              testing::ContainsRegex("  supports      copy   [0-9.]+   1.000     0     \\+0.000  "
                                     "             -  Alpha \\(copy of rw by Minister\\) in "
                                     "Alpha \\(ra\\) \\(line 16\\)"));
  EXPECT_THAT(Write("met", OutputFormat::kJson),
              HasSubstr("\"copy_of\":{\"report\":\"rw\",\"holder\":\"min\",\"line\":15}"));
  // copy_of_report, copy_of_holder, position, admission, alternative, units, then the four
  // owner columns (empty: explained without the scoring result), then time (undated), state,
  // withdrawn_on, withdrawn_in, superseded_by.
  EXPECT_THAT(Write("met", OutputFormat::kCsv),
              HasSubstr(",rw,min,false,false,,,,,,,,counts,,,\n"));
}

TEST_F(MarksTest, AnAdmissionIsMarkedAgainstInterest) {
  const ExplainedClaim x = Explain("met");
  const StanceView& admission = View(x, "min", +1);
  EXPECT_THAT(Texts(admission), testing::ElementsAre("against interest: Gov"));
  EXPECT_EQ(admission.marks[0].kind, MarkKind::kAdmission);
  EXPECT_THAT(Write("met", OutputFormat::kJson),
              HasSubstr("\"interested\":false,\"admission\":true"));
}

TEST_F(MarksTest, APositionMergedDenialNamesTheAlternativeItsHolderSupports) {
  const ExplainedClaim x = Explain("t10");
  const StanceView& position = View(x, "doc", -1);
  EXPECT_THAT(Texts(position), testing::ElementsAre("same position as its support of [t20]"));
  EXPECT_EQ(position.marks[0].kind, MarkKind::kPosition);
  EXPECT_EQ(position.alternative, data().FindClaim("t20"));
  const std::string json = Write("t10", OutputFormat::kJson);
  EXPECT_THAT(json, HasSubstr("\"position\":true,\"alternative\":\"t20\""));
  EXPECT_THAT(Write("t10", OutputFormat::kTable),
              testing::ContainsRegex("  denies    position   [0-9.]+   1.000     1     \\+0.000  "
                                     "             -  Doctor \\(same position as its support "
                                     "of \\[t20\\]\\) in Beta \\(rb\\)"));
  EXPECT_THAT(json, HasSubstr("{\"kind\":\"alternatives\",\"log_odds\":"));
}

TEST_F(MarksTest, AClaimAloneInItsGroupHasInfiniteLogOddsWrittenAsNull) {
  const std::string json = Write("solo", OutputFormat::kJson);
  EXPECT_THAT(json, HasSubstr("\"belief\":1.000000,\"log_odds\":null,\"base_log_odds\":0,"
                              "\"group\":\"lonely\""));
  EXPECT_THAT(json, HasSubstr("\"discounts\":[]"));
  EXPECT_THAT(Write("solo", OutputFormat::kTable), HasSubstr("log-odds +inf = stances +"));
  EXPECT_THAT(Write("solo", OutputFormat::kCsv), HasSubstr("\ntotal,,,,,,,,,,"));
}

TEST_F(MarksTest, DocumentsShowTheMarksTheDiscountsAndTheSum) {
  const ReportOptions options = DocumentReportOptions(0);
  const ReportModel model =
      BuildReport(data(), session_->analysis(),
                  session_->ExplainClaims(ClaimsToExplain(session_->analysis(), options)), options);
  std::ostringstream html;
  WriteHtmlReport(html, model);
  EXPECT_THAT(html.str(), HasSubstr("<span class=\"mark admission\">against interest: Gov</span>"));
  EXPECT_THAT(html.str(), HasSubstr("(copy of rw by Minister)"));
  EXPECT_THAT(html.str(), HasSubstr("same position as its support of [t20]"));
  EXPECT_THAT(html.str(), HasSubstr("<p class=\"sum\">log-odds <b>+&infin;</b> = evidence +"));
  std::ostringstream md;
  WriteMarkdownReport(md, model);
  EXPECT_THAT(md.str(), HasSubstr("(*against interest: Gov*)"));
  EXPECT_THAT(md.str(), HasSubstr("(copy of rw by Minister)"));
  EXPECT_THAT(md.str(), HasSubstr("same position as its support of \\[t20\\]"));
}

}  // namespace
}  // namespace credence::report
