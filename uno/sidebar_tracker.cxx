// The Quality Markers deck's tracker: reads the document for its panels
// (see sidebar_panel.hxx), and the panels' strings.
#include "sidebar_panel.hxx"

#include "office_check.hxx"
#include "reader.hxx"

#include <scrqm/properties.hxx>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace scrqm::lo::deck
{

namespace
{

// ---- strings: one en-GB resource file, dialogs/strings-en-GB.properties ----

const std::map<std::string, std::string>& strings()
{
    static const std::map<std::string, std::string> table = []
    {
        std::ifstream in(extension_dir() + "/dialogs/strings-en-GB.properties");
        std::ostringstream text;
        text << in.rdbuf();
        return parse_properties(text.str());
    }();
    return table;
}

} // namespace

std::vector<InferredHeading> inferred_headings(const XModelRef& model, const Document& doc)
{
    for (const Paragraph& p : doc.paragraphs)
        if (p.where == Where::Body && p.outline_level > 0)
            return {}; // the author's own headings are the outline
    // How each paragraph looks costs a walk over its portions: only a body
    // without headings pays it (see docs/performance.md).
    Document looked = doc;
    read_looks(model, looked);
    return infer_outline(looked).headings;
}

std::string tr(const std::string& key, const std::vector<std::string>& args)
{
    const auto it = strings().find(key);
    return fill_slots(it == strings().end() ? key : it->second, args);
}

std::string join(const std::vector<std::string>& items, const char* sep)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

void Tracker::refresh(Refresh how)
{
    if (!model_.is())
        return;
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::duration d)
    { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto start = clock::now();
    const char* kind = nullptr; // the cursor's section only
    double steps[4] = {};
    double looks = 0; // reading how paragraphs look, for an unstyled report
    if (how != Refresh::Cursor || !state_)
    {
        kind = "incremental";
        if (how == Refresh::Full || !state_ ||
            !update_state(model_, *state_, named_framework_, &cache_, &steps))
        {
            kind = "full";
            state_ = std::make_unique<DocumentState>(
                read_state(model_, to_utf8(model_->getURL()), named_framework_, &cache_));
            const auto looks_start = clock::now();
            state_->inferred = inferred_headings(model_, state_->doc);
            looks = ms(clock::now() - looks_start);
        }
        const auto took =
            std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
        std::lock_guard<std::mutex> lock(mutex_);
        last_refresh_ = std::min(took, std::chrono::milliseconds(5000));
    }
    const auto read = clock::now();
    bool moved = true;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        std::swap(moved, cursor_moved_);
    }
    // The cursor's section is asked for (a few calls through the view)
    // unless neither the cursor nor the headings moved: a tag, say.
    std::vector<std::size_t> headings;
    for (const Section& s : state_->analysis.sections)
        headings.push_back(s.paragraph);
    if (moved || how == Refresh::Full || headings != shown_headings_)
        current_ = cursor_section(model_, *state_);
    shown_headings_ = std::move(headings);
    // Copy: a panel's update may add or remove panels.
    const std::set<Panel*> panels = panels_;
    for (Panel* p : panels)
        if (panels_.count(p))
            p->update();
    if (kind == nullptr)
        return; // the note is of the last read
    char info[200];
    std::snprintf(info, sizeof info,
                  "%zu %s read=%.1f total=%.1f text=%.1f outline=%.1f tags=%.1f core=%.1f "
                  "looks=%.1f inferred=%zu",
                  ++refreshes_, kind, ms(read - start), ms(clock::now() - start), steps[0],
                  steps[1], steps[2], steps[3], looks, state_->inferred.size());
    last_info_ = info;
    for (Panel* p : panels)
        if (panels_.count(p))
            p->note_refresh(last_info_);
}

} // namespace scrqm::lo::deck
