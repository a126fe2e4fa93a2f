// The Sections panel: headings with their tags, the cursor's section
// selected, tag/untag, suggestions with their cues, accept/reject.
#include "sidebar_panel.hxx"

#include "reader.hxx"

#include <scrqm/catalogue.hxx>

#include <boost/property_tree/ptree.hpp>

#include <cstdio>

namespace scrqm::lo::deck
{

// A report written without heading styles has no section to tag: the
// panel shows the outline inferred from how its paragraphs look, and "Apply
// heading styles" turns it into Writer's outline (one undo step).
bool Panel::show_inferred(const DocumentState& st)
{
    inferred_shown_ = st.analysis.sections.empty() && !st.inferred.empty();
    set_model(c("ApplyHeadings"), "Enabled", uno::Any(inferred_shown_));
    if (!inferred_shown_)
    {
        set_label(c("HeadingsLabel"), tr("headings.label"));
        return false;
    }
    set_label(c("HeadingsLabel"), tr("headings.inferred", {std::to_string(st.inferred.size())}));
    std::vector<std::string> rows;
    for (const InferredHeading& h : st.inferred)
    {
        std::string row(static_cast<std::size_t>(std::max(0, h.level - 1)) * 3, ' ');
        rows.push_back(row +
                       tr("heading.inferred",
                          {h.title, std::to_string(static_cast<int>(h.confidence * 100 + 0.5f))}));
    }
    fill_list(c("Headings"), rows, -1);
    fill_list(c("Suggestions"), {tr("suggestions.apply-first")}, -1);
    set_text(c("Cues"), "");
    return true;
}

void Panel::apply_headings()
{
    const std::string json = apply_heading_styles(tracker_->model(), to_utf8(url_));
    tracker_->refresh(Refresh::Full);
    const auto applied =
        parse_json_data(json, "apply-heading-styles").get<std::size_t>("applied", 0);
    status(tr("status.applied", {std::to_string(applied)}));
}

void Panel::update_sections(const DocumentState& st, std::size_t current)
{
    // The marker list follows the document's framework.
    if (choices_framework_ != tracker_->framework())
    {
        choices_framework_ = tracker_->framework();
        marker_choices_.clear();
        suggest_section_ = static_cast<std::size_t>(-2);
    }
    if (show_inferred(st))
        return;
    const auto& sections = st.analysis.sections;
    std::vector<std::string> rows;
    for (const Section& s : sections)
    {
        std::string row(static_cast<std::size_t>(std::max(0, s.level - 1)) * 3, ' ');
        row += s.title;
        if (!s.markers.empty())
            row += tr("heading.tags", {join(s.markers, ", ")});
        rows.push_back(row);
    }
    // Follow the cursor: select its section when it moves to another.
    int select = -1;
    if (current != shown_current_ && current < sections.size())
        select = static_cast<int>(current);
    shown_current_ = current;
    fill_list(c("Headings"), rows, select);
    if (rows.size() && marker_choices_.empty())
    {
        std::vector<std::string> choices;
        for (const Marker& m : cat().markers)
            choices.push_back(m.id + "  " + m.title);
        marker_choices_ = choices;
        fill_list(c("Marker"), choices, 0);
    }
    show_suggestions(st, false);
}

std::size_t Panel::selected_section(const DocumentState& st) const
{
    const int row = selected(c("Headings"));
    if (row >= 0 && row < static_cast<int>(st.analysis.sections.size()))
        return static_cast<std::size_t>(row);
    return tracker_->current();
}

std::vector<const Suggestion*> Panel::visible_suggestions(const DocumentState& st,
                                                          std::size_t si) const
{
    std::vector<const Suggestion*> out;
    if (si >= st.analysis.sections.size())
        return out;
    for (const Suggestion& s : st.analysis.suggestions[si])
        if (!rejected_.count(st.analysis.sections[si].title + "\n" + s.marker))
            out.push_back(&s);
    return out;
}

void Panel::show_suggestions(const DocumentState& st, bool keep)
{
    const std::size_t si = selected_section(st);
    const auto list = visible_suggestions(st, si);
    std::vector<std::string> rows;
    for (const Suggestion* s : list)
    {
        const Marker* m = cat().find(s->marker);
        char score[32];
        std::snprintf(score, sizeof score, "%.0f", s->score);
        rows.push_back(tr("suggestion", {s->marker, m ? m->title : "", score}));
    }
    if (rows.empty())
        rows.push_back(tr("suggestions.none"));
    fill_list(c("Suggestions"), rows, keep ? -1 : 0);
    // A newly selected section offers its best suggestion in the marker
    // list, so Tag applies it; later refreshes leave the choice alone.
    if (si != suggest_section_)
    {
        suggest_section_ = si;
        if (!list.empty())
            for (std::size_t i = 0; i < cat().markers.size(); ++i)
                if (cat().markers[i].id == list[0]->marker)
                    fill_list(c("Marker"), marker_choices_, static_cast<int>(i));
    }
    const int row = selected(c("Suggestions"));
    std::string cues;
    if (row >= 0 && row < static_cast<int>(list.size()))
        for (const CueHit& h : list[static_cast<std::size_t>(row)]->hits)
            cues += (cues.empty() ? "" : "\n") +
                    tr("cue", {h.cue, std::to_string(h.count), std::to_string(h.weight),
                               h.in_title ? tr("cue.title") : ""});
    set_text(c("Cues"), cues);
}

std::string Panel::chosen_marker() const
{
    const int i = selected(c("Marker"));
    if (i < 0 || i >= static_cast<int>(cat().markers.size()))
        throw std::invalid_argument("choose a marker in the list first");
    return cat().markers[static_cast<std::size_t>(i)].id;
}

void Panel::tag_section(bool add)
{
    const DocumentState* st = tracker_->state();
    const std::size_t si = st ? selected_section(*st) : static_cast<std::size_t>(-1);
    if (!st || si >= st->analysis.sections.size())
    {
        status(tr(inferred_shown_ ? "status.apply-first" : "status.no-section"));
        return;
    }
    const std::string marker = chosen_marker();
    const std::string title = st->analysis.sections[si].title;
    const auto& markers = st->analysis.sections[si].markers;
    const bool has = std::find(markers.begin(), markers.end(), marker) != markers.end();
    if (has == add)
    {
        status(tr("status.nothing"));
        return;
    }
    lo::tag_section(tracker_->model(), tracker_->framework(), si, {marker},
                    add ? TagMode::Add : TagMode::Remove);
    tracker_->refresh(Refresh::Full);
    status(tr(add ? "status.tagged" : "status.untagged", {title, marker}));
}

void Panel::tag_selection()
{
    const std::string marker = chosen_marker();
    tag_selection_impl(marker);
}

void Panel::tag_selection_impl(const std::string& marker)
{
    lo::tag_selection(tracker_->model(), tracker_->framework(), {marker}, TagMode::Add);
    tracker_->refresh(Refresh::Full);
    status(tr("status.passage", {marker}));
}

std::optional<Panel::ChosenSuggestion> Panel::chosen_suggestion(const DocumentState& st) const
{
    const std::size_t si = selected_section(st);
    const auto list = visible_suggestions(st, si);
    const int row = selected(c("Suggestions"));
    if (row < 0 || row >= static_cast<int>(list.size()))
        return std::nullopt;
    return ChosenSuggestion{si, st.analysis.sections[si].title,
                            list[static_cast<std::size_t>(row)]->marker};
}

void Panel::accept()
{
    const DocumentState* st = tracker_->state();
    const auto chosen = st ? chosen_suggestion(*st) : std::nullopt;
    if (!chosen)
        return;
    lo::tag_section(tracker_->model(), tracker_->framework(), chosen->section, {chosen->marker},
                    TagMode::Add);
    tracker_->refresh(Refresh::Full);
    status(tr("status.tagged", {chosen->title, chosen->marker}));
}

void Panel::reject()
{
    const DocumentState* st = tracker_->state();
    const auto chosen = st ? chosen_suggestion(*st) : std::nullopt;
    if (!chosen)
        return;
    rejected_.insert(chosen->title + "\n" + chosen->marker);
    show_suggestions(*st, false);
    status(tr("status.rejected", {chosen->title, chosen->marker}));
}

} // namespace scrqm::lo::deck
