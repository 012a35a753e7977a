// The review as a PDF (A4): cairo draws and pango sets the French text in DejaVu Sans, the only
// font it is given (Debian's fonts-dejavu-core), so that the document does not depend on the
// fonts of the machine; the charts are cairo paths (vectors, not images); every page says
// « Page n sur N », which takes two passes: one to count the pages, one to draw them.
#include <cairo-pdf.h>
#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>

#include "core/date.h"
#include "core/text.h"
#include "domain/review/annual_review.h"
#include "domain/review/review_text.h"

namespace maplace::review {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;  // 2 cm
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - 14;  // the footer sits below
constexpr char kFontDir[] = "/usr/share/fonts/truetype/dejavu";
constexpr char kFamily[] = "DejaVu Sans";

struct Colour {
  double r, g, b;
};
constexpr Colour kInk{0.1, 0.1, 0.12};
constexpr Colour kMuted{0.33, 0.33, 0.38};
constexpr Colour kThisYear{0.12, 0.31, 0.47};  // the year reviewed
constexpr Colour kLastYear{0.62, 0.72, 0.84};  // the year before
constexpr Colour kFall{0.7, 0.33, 0.13};
constexpr Colour kRule{0.75, 0.75, 0.78};

std::string Count(std::int64_t n) { return text::FrenchCount(n); }

// Pango's font map over DejaVu Sans alone, without hinting, at 72 dpi (1 unit = 1 point).
class Fonts {
 public:
  static Result<std::unique_ptr<Fonts>> Load() {
    auto fonts = std::unique_ptr<Fonts>(new Fonts());
    fonts->config_ = FcConfigCreate();
    for (const char* file : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
      const auto path = std::filesystem::path(kFontDir) / file;
      if (!FcConfigAppFontAddFile(fonts->config_, reinterpret_cast<const FcChar8*>(path.c_str())))
        return Fail(
            ErrorCode::kUnavailable,
            fmt::format("font {} missing (Debian package fonts-dejavu-core)", path.string()));
    }
    fonts->map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (fonts->map_ == nullptr) return Fail(ErrorCode::kUnavailable, "no FreeType font map");
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts->map_), fonts->config_);
    fonts->context_ = pango_font_map_create_context(fonts->map_);
    pango_cairo_context_set_resolution(fonts->context_, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(fonts->context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(fonts->context_, pango_language_from_string("fr"));
    return fonts;
  }
  ~Fonts() {
    if (context_ != nullptr) g_object_unref(context_);
    if (map_ != nullptr) g_object_unref(map_);
    if (config_ != nullptr) FcConfigDestroy(config_);
  }
  PangoContext* context() const { return context_; }

 private:
  Fonts() = default;
  FcConfig* config_ = nullptr;
  PangoFontMap* map_ = nullptr;
  PangoContext* context_ = nullptr;
};

struct Style {
  double size = 10;
  bool bold = false;
  Colour colour = kInk;
};
constexpr Style kBody{10, false, kInk};
constexpr Style kSmall{8.5, false, kMuted};
constexpr Style kTitle{24, true, kThisYear};
constexpr Style kHeading{15, true, kThisYear};
constexpr Style kSubheading{11.5, true, kInk};
constexpr Style kCell{9, false, kInk};
constexpr Style kHeaderCell{9, true, kInk};

enum class Align { kLeft, kRight };

struct Column {
  std::string title;
  double width;  // points
  Align align = Align::kLeft;
};

// One bar pair of a chart: the year reviewed and the year before, with their printed figures.
struct BarPair {
  std::string label;
  double value = 0, previous = 0;
  std::string value_text, previous_text;
};

// Writes the pages top-down; a block that does not fit starts a new page.
class Writer {
 public:
  Writer(cairo_surface_t* surface, PangoContext* context, std::string footer, int total_pages)
      : cr_(cairo_create(surface)),
        context_(context),
        footer_(std::move(footer)),
        total_(total_pages) {
    pango_cairo_update_context(cr_, context_);
  }
  ~Writer() { cairo_destroy(cr_); }
  int pages() const { return page_; }

  void Text(const std::string& words, const Style& style, double space_after = 6,
            double indent = 0) {
    PangoLayout* layout = Layout(FrenchSpacing(words), style, kBodyWidth - indent);
    const double height = HeightOf(layout);
    Room(height);
    Draw(layout, kMargin + indent, y_, style.colour);
    g_object_unref(layout);
    y_ += height + space_after;
  }
  void Heading(const std::string& words) {
    Room(60);  // a heading is never alone at the bottom of a page
    y_ += 8;
    Text(words, kHeading, 8);
  }
  void Subheading(const std::string& words) {
    Room(50);
    y_ += 4;
    Text(words, kSubheading, 4);
  }
  void Space(double points) { y_ += points; }
  void NewPage() {
    if (y_ > kMargin) Finish();
  }
  void Room(double height) {
    if (y_ + height > kBottom) Finish();
  }
  // Ends the page being written: its footer, then the next page.
  void Finish() {
    PangoLayout* layout =
        Layout(fmt::format("{} — Page {} sur {}", footer_, page_, total_), kSmall, kBodyWidth);
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    Draw(layout, kMargin, kPageHeight - kMargin + 6, kMuted);
    g_object_unref(layout);
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
  }

  void Table(const std::vector<Column>& columns,
             const std::vector<std::vector<std::string>>& rows) {
    auto row_height = [&](const std::vector<std::string>& cells, const Style& style) {
      double height = 0;
      for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
        PangoLayout* layout = Layout(FrenchSpacing(cells[c]), style, columns[c].width - 6);
        height = std::max(height, HeightOf(layout));
        g_object_unref(layout);
      }
      return height + 6;
    };
    std::vector<std::string> titles;
    for (const auto& c : columns) titles.push_back(c.title);
    auto draw_row = [&](const std::vector<std::string>& cells, const Style& style, bool rule) {
      const double height = row_height(cells, style);
      double x = kMargin;
      for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
        PangoLayout* layout = Layout(FrenchSpacing(cells[c]), style, columns[c].width - 6);
        if (columns[c].align == Align::kRight)
          pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
        Draw(layout, x + 3, y_ + 3, style.colour);
        g_object_unref(layout);
        x += columns[c].width;
      }
      y_ += height;
      if (rule) Line(kMargin, y_, kMargin + Width(columns), y_, kRule, 0.5);
    };
    const double header = row_height(titles, kHeaderCell);
    Room(header + (rows.empty() ? 0 : row_height(rows.front(), kCell)));
    draw_row(titles, kHeaderCell, true);
    for (const auto& row : rows) {
      if (y_ + row_height(row, kCell) > kBottom) {
        Finish();
        draw_row(titles, kHeaderCell, true);  // the header again on the next page
      }
      draw_row(row, kCell, true);
    }
    y_ += 10;
  }

  // Horizontal bars, two per line: the year reviewed over the year before, each pair drawn to
  // its own larger value (the figures are printed beside the bars, and in the table).
  void PairedBars(const std::vector<BarPair>& pairs, int year) {
    constexpr double kLabel = 170, kBar = 210, kLine = 30;
    Room(24 + kLine * static_cast<double>(std::min<std::size_t>(pairs.size(), 3)));
    Legend({{fmt::format("{}", year), kThisYear}, {fmt::format("{}", year - 1), kLastYear}});
    for (const auto& p : pairs) {
      Room(kLine);
      PangoLayout* label = Layout(FrenchSpacing(p.label), kCell, kLabel - 8);
      pango_layout_set_ellipsize(label, PANGO_ELLIPSIZE_END);
      pango_layout_set_height(label, -1);  // one line
      Draw(label, kMargin, y_ + 4, kInk);
      g_object_unref(label);
      const double largest = std::max({p.value, p.previous, 1e-9});
      const double x = kMargin + kLabel;
      Bar(x, y_ + 2, kBar * p.value / largest, 11, kThisYear);
      Note(p.value_text, x + kBar * p.value / largest + 4, y_ + 1);
      Bar(x, y_ + 15, kBar * p.previous / largest, 8, kLastYear);
      Note(p.previous_text, x + kBar * p.previous / largest + 4, y_ + 13);
      y_ += kLine;
    }
    y_ += 6;
  }

  // Changes in points around a middle axis: rises to the right, falls to the left.
  void ChangeBars(const std::vector<std::pair<std::string, double>>& changes) {
    if (changes.empty()) return;
    constexpr double kLabel = 190, kHalf = 120, kLine = 18;
    double largest = 1;
    for (const auto& [label, points] : changes) largest = std::max(largest, std::abs(points));
    const double axis = kMargin + kLabel + kHalf;
    Room(kLine * static_cast<double>(changes.size()));  // at most 10 lines: one page, one axis
    const double top = y_;
    for (const auto& [label, points] : changes) {
      PangoLayout* layout = Layout(FrenchSpacing(label), kCell, kLabel - 8);
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height(layout, -1);
      Draw(layout, kMargin, y_ + 2, kInk);
      g_object_unref(layout);
      const double width = kHalf * std::abs(points) / largest;
      const std::string figure = SignedPoints(points) + " pts";
      if (points >= 0) {
        Bar(axis, y_ + 3, width, 10, kThisYear);
        Note(figure, axis + width + 4, y_ + 1);
      } else {
        Bar(axis - width, y_ + 3, width, 10, kFall);
        Note(figure, axis + 4, y_ + 1);
      }
      y_ += kLine;
    }
    Line(axis, top, axis, y_, kMuted, 0.75);
    y_ += 8;
  }

 private:
  PangoLayout* Layout(const std::string& words, const Style& style, double width) {
    PangoLayout* layout = pango_layout_new(context_);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_size(font, static_cast<int>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, words.c_str(), static_cast<int>(words.size()));
    return layout;
  }
  static double HeightOf(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }
  static double Width(const std::vector<Column>& columns) {
    double width = 0;
    for (const auto& c : columns) width += c.width;
    return width;
  }
  void Draw(PangoLayout* layout, double x, double y, Colour colour) {
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout);
  }
  void Note(const std::string& words, double x, double y) {
    PangoLayout* layout = Layout(words, kSmall, 120);
    Draw(layout, x, y, kMuted);
    g_object_unref(layout);
  }
  void Bar(double x, double y, double width, double height, Colour colour) {
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_rectangle(cr_, x, y, std::max(width, 0.75), height);
    cairo_fill(cr_);
  }
  void Line(double x1, double y1, double x2, double y2, Colour colour, double width) {
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
  }
  void Legend(const std::vector<std::pair<std::string, Colour>>& keys) {
    double x = kMargin;
    for (const auto& [words, colour] : keys) {
      Bar(x, y_ + 3, 10, 8, colour);
      Note(words, x + 14, y_);
      x += 70;
    }
    y_ += 18;
  }

  cairo_t* cr_;
  PangoContext* context_;
  std::string footer_;
  int total_;
  int page_ = 1;
  double y_ = kMargin;
};

std::string FigureOf(const reporting::Indicator& i, std::int64_t value) {
  return FigureText(i.unit, value);
}

void Results(Writer& w, const AnnualReview& review) {
  w.Heading(fmt::format("Résultats {} et {}", review.year, review.year - 1));
  w.Text(
      "Chaque chiffre est recalculé depuis la plateforme, avec la même définition pour les "
      "deux années (années de la Martinique).",
      kSmall);
  std::vector<BarPair> pairs;
  std::vector<std::vector<std::string>> rows;
  for (const auto& i : review.results) {
    pairs.push_back({i.label, static_cast<double>(i.value), static_cast<double>(i.previous),
                     FigureOf(i, i.value), FigureOf(i, i.previous)});
    rows.push_back(
        {i.label, FigureOf(i, i.value), FigureOf(i, i.previous), ChangeText(i.value, i.previous)});
  }
  w.PairedBars(pairs, review.year);
  w.Table({{"Indicateur", 215},
           {std::to_string(review.year), 95, Align::kRight},
           {std::to_string(review.year - 1), 95, Align::kRight},
           {"Évolution", 76.9, Align::kRight}},
          rows);
}

void Actions(Writer& w, const AnnualReview& review) {
  w.NewPage();
  w.Heading("Les actions de l'année");
  w.Subheading("Ateliers « Aktiv Alternance »");
  w.Text(WorkshopSentence(review), kBody);
  if (const std::string satisfaction = SatisfactionSentence(review); !satisfaction.empty())
    w.Text(satisfaction, kBody);
  if (!review.sessions.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : review.sessions)
      rows.push_back({FormatFrenchDate(MartiniqueDate(s.starts_at)), s.title,
                      Count(s.stats.registered), Count(s.stats.attended),
                      s.stats.ratings > 0 ? OneDecimal(s.stats.average) + " / 5" : "—"});
    w.Table({{"Date", 70},
             {"Atelier", 215},
             {"Inscrits", 65, Align::kRight},
             {"Présents", 65, Align::kRight},
             {"Satisfaction", 66.9, Align::kRight}},
            rows);
  }

  w.Subheading("POEC (préparations opérationnelles à l'emploi collectives)");
  w.Text(PoecSentence(review), kBody);
  std::vector<std::vector<std::string>> outcomes;
  for (std::size_t k = 0; k < review.poec.by_outcome.size(); ++k) {
    const auto& o = review.poec.by_outcome[k];
    const int before =
        k < review.poec_previous.by_outcome.size() ? review.poec_previous.by_outcome[k].count : 0;
    outcomes.push_back({o.label, Count(o.count), Count(before)});
  }
  if (!outcomes.empty())
    w.Table({{"Résultat du parcours", 280},
             {std::to_string(review.year), 100, Align::kRight},
             {std::to_string(review.year - 1), 101.9, Align::kRight}},
            outcomes);

  w.Subheading("Aides versées");
  std::vector<std::vector<std::string>> aids;
  for (const auto& part : review.aids_paid)
    aids.push_back({part.label, text::FrenchEuros(part.value), text::FrenchEuros(part.previous)});
  aids.push_back({"Total", text::FrenchEuros(review.aids_paid_cents),
                  text::FrenchEuros(review.aids_paid_previous_cents)});
  w.Table({{"Aide", 280},
           {std::to_string(review.year), 100, Align::kRight},
           {std::to_string(review.year - 1), 101.9, Align::kRight}},
          aids);

  w.Subheading("Conventions de partenariat");
  if (review.conventions.empty()) {
    w.Text("Aucune convention en vigueur dans l'année.", kBody);
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : review.conventions)
      rows.push_back({c.partner, c.object,
                      FormatFrenchDate(c.starts_on) + " – " + FormatFrenchDate(c.ends_on),
                      fmt::format("{} sur {}", Count(c.commitments_met), Count(c.commitments))});
    w.Table({{"Partenaire", 120},
             {"Objet", 170},
             {"Période", 110},
             {"Engagements tenus", 81.9, Align::kRight}},
            rows);
  }
}

std::string ProjectsText(std::optional<std::int64_t> projects) {
  return projects ? Count(*projects) : "secret";
}

void Tension(Writer& w, const AnnualReview& review) {
  const auto& t = review.tension;
  w.NewPage();
  w.Heading("Les métiers en tension par bassin d'emploi");
  if (t.survey_year == 0) {
    w.Text(
        "Non disponible : la plateforme ne détient pas deux enquêtes BMO consécutives "
        "jusqu'à cette année.",
        kBody);
    return;
  }
  w.Text(fmt::format("Enquête « Besoins en main-d'œuvre » (France Travail) {} comparée à {}. Une "
                     "famille de métiers est dite en tension quand au moins la moitié de ses "
                     "projets de recrutement sont jugés difficiles, sur au moins {} projets ; "
                     "les évolutions sont en points de cette part.",
                     t.survey_year, t.previous_year, kMinProjects),
         kSmall);
  for (const auto& area : t.areas) {
    w.Subheading(AreaTitle(area, t.survey_year));
    std::vector<std::pair<std::string, double>> changes;
    std::vector<std::vector<std::string>> rows;
    auto add = [&](const TensionChange& c, const char* what) {
      rows.push_back({c.label, what, ProjectsText(c.projects), Percent(c.previous_share),
                      Percent(c.share), SignedPoints(c.points())});
    };
    for (const auto& c : area.risers) {
      changes.emplace_back(c.label, c.points());
      add(c, "hausse");
    }
    for (const auto& c : area.fallers) {
      changes.emplace_back(c.label, c.points());
      add(c, "baisse");
    }
    if (rows.empty()) {
      w.Text("Aucune famille comparable d'une enquête à l'autre.", kBody);
    } else {
      w.ChangeBars(changes);
      w.Table({{"Famille de métiers", 170},
               {"Sens", 52},
               {fmt::format("Projets {}", t.survey_year), 55, Align::kRight},
               {fmt::format("Difficiles {}", t.previous_year), 70, Align::kRight},
               {fmt::format("Difficiles {}", t.survey_year), 70, Align::kRight},
               {"Points", 64.9, Align::kRight}},
              rows);
    }
    if (area.newly.empty()) {
      w.Text("Aucune famille nouvellement en tension.", kBody);
    } else {
      std::string names;
      for (const auto& c : area.newly)
        names += (names.empty() ? "" : " ; ") + c.label + " (" + Percent(c.share) + ")";
      w.Text("Nouvellement en tension : " + names + ".", kBody);
    }
  }
}

void Cfas(Writer& w, const AnnualReview& review) {
  for (const auto& c : review.cfas) {
    w.NewPage();
    w.Heading("Fiche CFA : " + c.name);
    if (!c.commune.empty()) w.Text(c.commune, kSmall);
    const std::string contracts = std::string(kNotAvailable);
    std::vector<std::vector<std::string>> rows = {
        {"Formations publiées dans le catalogue (aujourd'hui)", Count(c.trainings), "—"},
        {"Offres relayées par les employeurs", Count(c.offers_relayed),
         Count(c.offers_relayed_previous)},
        {"Sessions d'ateliers suivies", Count(c.sessions_attended), "—"},
        {"Places réservées aux ateliers", Count(c.people_registered), "—"},
        {"Personnes présentes aux ateliers", Count(c.people_present), "—"},
        {"Apprentis (contrats commencés)", c.contracts ? Count(c.contracts->started) : contracts,
         "—"},
        {"Ruptures de contrat", c.contracts ? Count(c.contracts->broken) : contracts, "—"},
        {"Contrats menés à terme", c.contracts ? Count(c.contracts->completed) : contracts, "—"},
    };
    w.Table({{"En " + std::to_string(review.year), 280},
             {std::to_string(review.year), 100, Align::kRight},
             {std::to_string(review.year - 1), 101.9, Align::kRight}},
            rows);
  }
}

void Draw(Writer& w, const AnnualReview& review) {
  w.Text(fmt::format("Perspektiv Alternance {}", review.year), kTitle, 4);
  w.Text(
      "Le bilan de l'année de la délégation de Martinique, à partager avec les CFA et les "
      "partenaires de l'alternance.",
      kBody, 2);
  w.Text(fmt::format("Arrêté au {}.", FormatFrenchLongDate(MartiniqueDate(review.dated))), kSmall,
         10);
  Results(w, review);
  Actions(w, review);
  Tension(w, review);
  Cfas(w, review);
  if (!review.not_available.empty()) {
    w.NewPage();
    w.Heading("Ce que le bilan ne dit pas encore");
    for (const auto& line : review.not_available) w.Text("• " + line, kBody);
  }
  w.Finish();
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One pass: the PDF bytes, and the number of pages.
Result<std::pair<std::string, int>> Render(const AnnualReview& review, PangoContext* context,
                                           int total_pages) {
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(Append, &bytes, kPageWidth, kPageHeight);
  // Dated by the review, never by the clock: the same review gives the same file.
  const Date day = MartiniqueDate(review.dated);
  const std::string dated = FormatIsoDate(day) + "T23:59:59-04:00";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, dated.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, dated.c_str());
  const std::string title = fmt::format("Perspektiv Alternance {}", review.year);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 "OPCO, délégation de Martinique");
  int pages = 0;
  {
    Writer writer(surface, context, title, total_pages);
    Draw(writer, review);
    pages = writer.pages() - 1;  // Finish() opened one page past the last
  }
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return Fail(ErrorCode::kInternal,
                fmt::format("PDF not written: {}", cairo_status_to_string(status)));
  return std::pair{std::move(bytes), pages};
}

}  // namespace

Result<std::string> Pdf(const AnnualReview& review) {
  // One font map for the process: fontconfig and cairo keep caches for as long as it lives, so
  // a font map per document would grow with every download. A Pango context is not
  // thread-safe: documents are set one at a time (a review is a rare download).
  static std::mutex mutex;
  static std::unique_ptr<Fonts> fonts;
  const std::lock_guard lock(mutex);
  if (fonts == nullptr) {
    auto loaded = Fonts::Load();
    if (!loaded) return Fail(loaded.error());
    fonts = std::move(*loaded);
  }
  auto counted = Render(review, fonts->context(), 0);
  if (!counted) return Fail(counted.error());
  auto drawn = Render(review, fonts->context(), counted->second);
  if (!drawn) return Fail(drawn.error());
  return std::move(drawn->first);
}

}  // namespace maplace::review
