// The Markers panel: coverage strip, markers by cluster (a SAR's stages),
// the selected marker's statement, questions with state and note, and the
// sections tagged with it.
#include "sidebar_panel.hxx"

namespace scrqm::lo::deck
{

void Panel::update_markers(const DocumentState& st)
{
    const Analysis& a = st.analysis;
    set_label(c("Kind"), tr("kind", {st.kind, cat().title}));
    const std::string svg = coverage_svg(a.coverage, cat());
    if (svg != strip_svg_)
    {
        strip_svg_ = svg;
        set_model(c("Strip"), "Graphic", uno::Any(svg_graphic(svg)));
        set_model(c("Strip"), "HelpText",
                  uno::Any(to_ou(tr("strip.title", {std::to_string(a.coverage.size())}))));
    }
    std::vector<std::string> rows;
    marker_rows_.clear();
    std::string cluster;
    for (std::size_t i = 0; i < a.coverage.size(); ++i)
    {
        const MarkerCoverage& mc = a.coverage[i];
        const Marker* m = cat().find(mc.marker);
        if (!m)
            continue;
        if (m->cluster != cluster)
        {
            cluster = m->cluster;
            const Cluster* cl = cat().find_cluster(cluster);
            rows.push_back(tr("cluster.header", {cl ? cl->title : cluster}));
            marker_rows_.push_back(-1);
        }
        const std::size_t tagged = mc.tagged_sections.size() + mc.passages;
        rows.push_back(mc.status == CoverageStatus::Tagged
                           ? tr("marker.tagged", {m->id, m->title, std::to_string(tagged)})
                       : mc.status == CoverageStatus::Suggested
                           ? tr("marker.suggested", {m->id, m->title})
                           : tr("marker.missing", {m->id, m->title}));
        marker_rows_.push_back(static_cast<int>(i));
    }
    fill_list(c("Markers"), rows);
    if (selected(c("Markers")) < 0)
        fill_list(c("Markers"), rows, 1); // the first marker
    show_marker(st, true);
}

const MarkerCoverage* Panel::selected_marker(const DocumentState& st) const
{
    const int row = selected(c("Markers"));
    if (row < 0 || row >= static_cast<int>(marker_rows_.size()) || marker_rows_[row] < 0)
        return nullptr;
    return &st.analysis.coverage[static_cast<std::size_t>(marker_rows_[row])];
}

void Panel::show_marker(const DocumentState& st, bool keep_question)
{
    const MarkerCoverage* mc = selected_marker(st);
    if (!mc)
        return;
    const Marker* m = cat().find(mc->marker);
    // A marker whose questions the source did not give says so (the data's
    // "missing" note) rather than showing an empty list without a reason.
    set_text(c("Statement"), m->title + ": " + m->statement +
                                 (m->questions.empty() && !m->missing.empty() ? "\n\n" + m->missing
                                                                              : std::string()));
    const auto q = st.analysis.questions.find(m->id);
    std::vector<std::string> rows;
    for (std::size_t i = 0; i < m->questions.size(); ++i)
    {
        QuestionState state = QuestionState::Open;
        if (q != st.analysis.questions.end())
            if (const auto it = q->second.find(static_cast<int>(i + 1)); it != q->second.end())
                state = it->second.state;
        rows.push_back(tr(std::string("question.") + to_string(state),
                          {std::to_string(i + 1), m->questions[i]}));
    }
    const bool new_marker = shown_marker_ != m->id;
    shown_marker_ = m->id;
    fill_list(c("Questions"), rows, new_marker ? 0 : -1);
    set_label(c("QuestionsLabel"), tr("questions.label", {std::to_string(mc->answered),
                                                          std::to_string(mc->not_applicable),
                                                          std::to_string(mc->questions)}));
    // The selected question's state and note.
    const int qi = selected(c("Questions"));
    if (qi >= 0 && (!keep_question || new_marker || shown_question_ != qi))
    {
        QuestionNote note;
        if (q != st.analysis.questions.end())
            if (const auto it = q->second.find(qi + 1); it != q->second.end())
                note = it->second;
        fill_list(c("State"), {tr("state.open"), tr("state.answered"), tr("state.not-applicable")},
                  note.state == QuestionState::Answered        ? 1
                  : note.state == QuestionState::NotApplicable ? 2
                                                               : 0);
        set_text(c("Note"), note.note);
        shown_question_ = qi;
    }
    set_label(c("TaggedLabel"), tr("tagged.label", {m->id}));
    std::vector<std::string> tagged;
    for (const std::size_t si : mc->tagged_sections)
        tagged.push_back(st.analysis.sections[si].title);
    if (tagged.empty())
        tagged.push_back(tr("tagged.none"));
    fill_list(c("Tagged"), tagged);
}

void Panel::save_question()
{
    const DocumentState* st = tracker_->state();
    const MarkerCoverage* mc = st ? selected_marker(*st) : nullptr;
    const int qi = selected(c("Questions"));
    if (!mc || qi < 0)
        return;
    const int s = selected(c("State"));
    const QuestionState state = s == 1   ? QuestionState::Answered
                                : s == 2 ? QuestionState::NotApplicable
                                         : QuestionState::Open;
    set_question(tracker_->model(), tracker_->framework(), mc->marker, qi + 1, state,
                 get_text(c("Note")));
    shown_question_ = -1;
    tracker_->refresh(Refresh::Full);
    status(tr("status.saved", {mc->marker, std::to_string(qi + 1)}));
}

} // namespace scrqm::lo::deck
