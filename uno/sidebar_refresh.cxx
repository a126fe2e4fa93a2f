// The sidebar's refresh after a change without a full read (update_state in
// sidebar_actions.hxx): the body's text compared with what the last full read
// kept (scrqm/text_diff.hxx finds the lines changed), then only those
// paragraphs patched or read again. See docs/design.md, "Sidebar refresh".
#include "sidebar_actions.hxx"

#include "convert.hxx"
#include "prelude.hxx"

#include <scrqm/kinds.hxx>
#include <scrqm/text_diff.hxx>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>

namespace scrqm::lo
{

namespace
{

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool blank(const OUString& s)
{
    return std::all_of(s.getStr(), s.getStr() + s.getLength(),
                       [](sal_Unicode c) { return c == ' ' || c == '\t' || c == 0xa0; });
}

// The heading texts the full read would match against Writer's outline
// names: every body heading, in order, ends its name (after a number of
// fewer than 64 characters). False when they do not pair up; the full read
// would not be sure either.
bool headings_match(const std::vector<OUString>& headings, const std::vector<OUString>& names)
{
    if (headings.size() != names.size())
        return false;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        if (!names[i].endsWith("|outline"))
            return false;
        const sal_Int32 length = names[i].getLength() - 8;
        if (length < headings[i].getLength() || length - headings[i].getLength() >= 64 ||
            names[i].copy(length - headings[i].getLength(), headings[i].getLength()) != headings[i])
            return false;
    }
    return true;
}

// `state` with its paragraphs [pf, pl] replaced by `texts` and `levels`
// (heading ranges in `ranges`), and `tags` for its tags.
void splice(DocumentState& state, std::size_t pf, std::size_t pl, std::vector<OUString>& texts,
            const std::vector<int>& levels, std::vector<Reference<text::XTextRange>>& ranges,
            std::vector<Tag> tags)
{
    Document& old = state.doc;
    Document doc;
    doc.file = std::move(old.file);
    doc.format = std::move(old.format);
    doc.properties = std::move(old.properties);
    doc.hidden = std::move(old.hidden);
    doc.question_states = std::move(old.question_states);
    std::vector<Reference<text::XTextRange>> body;
    body.reserve(state.body.size() + texts.size());
    for (std::size_t i = 0; i < pf; ++i)
    {
        doc.add(Where::Body, std::move(old.paragraphs[i].text), old.paragraphs[i].outline_level);
        body.push_back(std::move(state.body[i]));
    }
    for (std::size_t k = 0; k < texts.size(); ++k)
    {
        doc.add(Where::Body, to_utf8(texts[k]), levels[k]);
        body.push_back(std::move(ranges[k]));
    }
    for (std::size_t i = pl + 1; i < old.paragraphs.size(); ++i)
    {
        doc.add(Where::Body, std::move(old.paragraphs[i].text), old.paragraphs[i].outline_level);
        body.push_back(std::move(state.body[i]));
    }
    std::sort(tags.begin(), tags.end(),
              [](const Tag& a, const Tag& b) { return a.paragraph < b.paragraph; });
    doc.tags = std::move(tags);
    state.doc = std::move(doc);
    state.body = std::move(body);
}

// Old lines [from, to] became new lines [from, to_new] of `whole`, and may
// add, remove, split, join, rename or restyle paragraphs: re-read those
// paragraphs with a cursor from the heading before them. False (state
// untouched) when it is not sure.
bool patch_region(const XModelRef& model, DocumentState& state, const OUString& whole,
                  std::size_t from, std::size_t to, std::size_t to_new,
                  const std::vector<OUString>& names)
{
    LeanKeep& keep = state.keep;
    for (std::size_t i = from; i <= to; ++i)
        if (keep.paragraph_of[i] == kNone)
            return false; // a table's cell
    const std::size_t pf = keep.paragraph_of[from], pl = keep.paragraph_of[to];
    if (pf >= state.doc.paragraphs.size() || pl >= state.doc.paragraphs.size() ||
        pl - pf != to - from)
        return false;
    // The heading before, and no table between it and the change: the
    // cursor then walks the same paragraphs as the lines.
    std::size_t h = pf;
    while (h > 0 && !state.body[h - 1].is())
        --h;
    const std::size_t start = h == 0 ? 0 : h - 1; // paragraph the walk starts at
    for (std::size_t line = from; line-- > 0;)
    {
        if (keep.paragraph_of[line] == kNone)
            return false;
        if (h > 0 && keep.paragraph_of[line] <= start)
            break;
    }
    Reference<text::XText> text = Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
    Reference<text::XParagraphCursor> cursor(
        text->createTextCursorByRange(h == 0 ? text->getStart() : state.body[h - 1]->getStart()),
        UNO_QUERY_THROW);
    cursor->gotoStartOfParagraph(false);
    for (std::size_t i = start; i < pf; ++i)
        if (!cursor->gotoNextParagraph(false))
            return false;

    // The new paragraphs: each cursor paragraph must read as its line (a
    // line break, a table or a frame between them would not).
    const std::size_t count = to_new - from + 1;
    std::vector<OUString> texts;
    std::vector<int> levels;
    std::vector<Reference<text::XTextRange>> ranges, starts;
    std::vector<sal_Int32> new_starts;
    const OUString outline_level("OutlineLevel");
    const std::vector<LineSpan> lines =
        lines_from(whole.getStr(), whole.getLength(), keep.starts[from], count);
    if (lines.size() != count)
        return false;
    for (std::size_t k = 0; k < count; ++k)
    {
        new_starts.push_back(lines[k].start);
        OUString line = whole.copy(lines[k].start, lines[k].end - lines[k].start);
        if (k > 0 && !cursor->gotoNextParagraph(false))
            return false;
        starts.emplace_back(text->createTextCursorByRange(cursor->getStart()), UNO_QUERY_THROW);
        cursor->gotoEndOfParagraph(true);
        if (cursor->getString() != line)
            return false;
        sal_Int16 level = 0;
        if (!blank(line))
            Reference<beans::XPropertySet>(cursor, UNO_QUERY_THROW)
                ->getPropertyValue(outline_level) >>= level;
        levels.push_back(level);
        ranges.push_back(level > 0 ? starts.back() : Reference<text::XTextRange>());
        texts.push_back(std::move(line));
    }

    // Tags: after the change they move with it; one starting or ending in
    // it is placed again among the new paragraphs.
    Reference<text::XTextRangeCompare> compare(text, UNO_QUERY_THROW);
    Reference<container::XNameAccess> bookmarks = bookmarks_of(model);
    const std::ptrdiff_t delta =
        static_cast<std::ptrdiff_t>(count) - static_cast<std::ptrdiff_t>(pl - pf + 1);
    auto place = [&](const Reference<text::XTextRange>& pos) -> std::size_t
    {
        if (compare->compareRegionStarts(starts.front(), pos) < 0)
            return kNone; // before the change: not where it was
        std::size_t k = 0;
        while (k + 1 < starts.size() && compare->compareRegionStarts(starts[k + 1], pos) >= 0)
            ++k;
        return pf + k;
    };
    std::vector<Tag> tags = state.doc.tags;
    for (Tag& t : tags)
    {
        const bool first_in = t.paragraph >= pf && t.paragraph <= pl;
        const bool last_in = t.last >= pf && t.last <= pl;
        if (first_in || last_in)
        {
            Reference<text::XTextContent> bm(bookmarks->getByName(to_ou(t.bookmark)),
                                             UNO_QUERY_THROW);
            const Reference<text::XTextRange> anchor = bm->getAnchor();
            if (Reference<text::XText>(anchor->getText()) != text)
                return false;
            if (first_in && (t.paragraph = place(anchor->getStart())) == kNone)
                return false;
            if (last_in && (t.last = place(anchor->getEnd())) == kNone)
                return false;
        }
        if (!first_in && t.paragraph > pl)
            t.paragraph += delta;
        if (!last_in && t.last > pl)
            t.last += delta;
    }

    // The outline as the full read would pair it with the headings.
    std::vector<OUString> headings;
    for (std::size_t i = 0; i < pf; ++i)
        if (state.doc.paragraphs[i].outline_level > 0)
            headings.push_back(to_ou(state.doc.paragraphs[i].text));
    for (std::size_t k = 0; k < count; ++k)
        if (levels[k] > 0)
            headings.push_back(texts[k]);
    for (std::size_t i = pl + 1; i < state.doc.paragraphs.size(); ++i)
        if (state.doc.paragraphs[i].outline_level > 0)
            headings.push_back(to_ou(state.doc.paragraphs[i].text));
    if (!headings_match(headings, names))
        return false;

    // Sure now: no UNO call below.
    splice(state, pf, pl, texts, levels, ranges, std::move(tags));
    std::vector<std::size_t> paragraph_of(keep.paragraph_of.begin(),
                                          keep.paragraph_of.begin() + from);
    for (std::size_t i = 0; i < count; ++i)
        paragraph_of.push_back(pf + i);
    for (std::size_t i = to + 1; i < keep.starts.size(); ++i)
        paragraph_of.push_back(keep.paragraph_of[i] == kNone ? kNone
                                                             : keep.paragraph_of[i] + delta);
    keep.starts =
        splice_starts(keep.starts, from, to, new_starts, whole.getLength() - keep.text.getLength());
    keep.paragraph_of = std::move(paragraph_of);
    keep.text = whole;
    keep.headings = names;
    return true;
}

// No text changed: a tag added or removed (by the panel, a macro, undo) is
// placed from its bookmark. False when nothing of that changed (a style, a
// level) or it is not sure.
bool patch_tags(const XModelRef& model, DocumentState& state)
{
    LeanKeep& keep = state.keep;
    Reference<container::XNameAccess> bookmarks = bookmarks_of(model);
    const std::vector<OUString> now = tag_bookmark_names(bookmarks->getElementNames());
    if (now == keep.tag_names)
        return false;
    if (outline_names(model) != keep.headings || table_count(model) != keep.tables)
        return false;
    std::vector<OUString> gone, added;
    std::set_difference(keep.tag_names.begin(), keep.tag_names.end(), now.begin(), now.end(),
                        std::back_inserter(gone));
    std::set_difference(now.begin(), now.end(), keep.tag_names.begin(), keep.tag_names.end(),
                        std::back_inserter(added));
    std::vector<Tag> tags;
    for (const Tag& t : state.doc.tags)
        if (!std::binary_search(gone.begin(), gone.end(), to_ou(t.bookmark)))
            tags.push_back(t);
    Reference<text::XText> text = Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
    Reference<text::XTextRangeCompare> compare(text, UNO_QUERY_THROW);
    // A body position's paragraph, as the full read places it: the heading
    // at or before it, then the lines between (a table's count too); a
    // position in a table or outside the body: not sure.
    std::vector<std::size_t> heading_paragraphs, heading_lines;
    for (std::size_t line = 0; line < keep.paragraph_of.size(); ++line)
    {
        const std::size_t p = keep.paragraph_of[line];
        if (p != kNone && p < state.body.size() && state.body[p].is())
        {
            heading_paragraphs.push_back(p);
            heading_lines.push_back(line);
        }
    }
    auto locate = [&](const Reference<text::XTextRange>& pos) -> std::size_t
    {
        if (Reference<text::XText>(pos->getText()) != text)
            return kNone;
        std::size_t lo = 0, hi = heading_paragraphs.size();
        while (lo < hi)
        {
            const std::size_t mid = (lo + hi) / 2;
            if (compare->compareRegionStarts(state.body[heading_paragraphs[mid]], pos) >= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        Reference<text::XTextCursor> c = text->createTextCursorByRange(
            lo == 0 ? text->getStart() : state.body[heading_paragraphs[lo - 1]]);
        c->collapseToStart();
        c->gotoRange(pos, true);
        const OUString between = c->getString();
        std::size_t line = lo == 0 ? 0 : heading_lines[lo - 1];
        for (sal_Int32 i = 0; i < between.getLength(); ++i)
            line += between[i] == '\n';
        return line;
    };
    auto paragraph_at = [&](std::size_t line)
    { return line < keep.paragraph_of.size() ? keep.paragraph_of[line] : kNone; };
    for (const OUString& name : added)
    {
        std::optional<Tag> tag = parse_tag_name(to_utf8(name));
        if (!tag)
            continue;
        Reference<text::XTextContent> bm(bookmarks->getByName(name), UNO_QUERY_THROW);
        const Reference<text::XTextRange> anchor = bm->getAnchor();
        const std::size_t line = locate(anchor->getStart());
        if (line == kNone)
            return false;
        // Its end: the lines it spans (one call, not a second search).
        const OUString spanned = anchor->getString();
        std::size_t last = line;
        for (sal_Int32 i = 0; i < spanned.getLength(); ++i)
            last += spanned[i] == '\n';
        tag->paragraph = paragraph_at(line);
        tag->last = paragraph_at(last);
        if (tag->paragraph == kNone || tag->last == kNone)
            return false;
        tags.push_back(std::move(*tag));
    }
    std::sort(tags.begin(), tags.end(),
              [](const Tag& a, const Tag& b) { return a.paragraph < b.paragraph; });
    state.doc.tags = std::move(tags);
    keep.tag_names = now;
    return true;
}

} // namespace

bool update_state(const XModelRef& model, DocumentState& state, const std::string& framework,
                  SuggestCache* cache, double (*steps)[4])
{
    using clock = std::chrono::steady_clock;
    auto lap = [steps, t = clock::now()](int step) mutable
    {
        const auto now = clock::now();
        if (steps)
            (*steps)[step] = std::chrono::duration<double, std::milli>(now - t).count();
        t = now;
    };
    LeanKeep& keep = state.keep;
    if (!keep.valid || !model.is())
        return false;
    auto recompute = [&]
    {
        state.doc.question_states.clear();
        read_document_properties(model, state.doc);
        // Typing on the cover may name another kind of review.
        state.framework = framework_for(state.doc, framework);
        state.kind = describe_kind(detect_kind(state.doc), "");
        state.analysis = analyse(state.doc, framework_catalogue(state.framework),
                                 framework_suggester(state.framework), cache);
        lap(3);
    };
    try
    {
        // The text compared as a whole: cutting 10,000 lines each time costs
        // more than the compare.
        const OUString whole =
            Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText()->getString();
        lap(0);
        if (whole == keep.text)
        {
            if (!patch_tags(model, state))
                return false;
            lap(2);
            recompute();
            return true;
        }
        const sal_Int32 old_len = keep.text.getLength(), new_len = whole.getLength();
        const LineEdit edit =
            find_line_edit(keep.text.getStr(), old_len, keep.starts, whole.getStr(), new_len);
        const std::size_t from = edit.from, to = edit.to, to_new = edit.to_new;
        const std::vector<OUString> names = outline_names(model);
        lap(1);
        if (tag_bookmark_names(bookmarks_of(model)->getElementNames()) != keep.tag_names ||
            table_count(model) != keep.tables)
            return false; // text and tags at once, or a table: read in full
        lap(2);
        if (!edit.same_count || names != keep.headings)
        {
            if (!patch_region(model, state, whole, from, to, to_new, names))
                return false;
            recompute();
            return true;
        }
        // The same lines: typing inside them.
        auto old_line = [&](std::size_t i)
        {
            const LineSpan l = line_of(keep.starts, old_len, i);
            return keep.text.copy(l.start, l.end - l.start);
        };
        std::vector<std::pair<std::size_t, OUString>> changed; // line, its new text
        std::vector<sal_Int32> new_starts;
        const std::vector<LineSpan> now =
            lines_from(whole.getStr(), new_len, keep.starts[from], to - from + 1);
        if (now.size() != to - from + 1)
            return false;
        for (std::size_t i = 0; i < now.size(); ++i)
        {
            new_starts.push_back(now[i].start);
            OUString line = whole.copy(now[i].start, now[i].end - now[i].start);
            if (line != old_line(from + i))
                changed.emplace_back(from + i, std::move(line));
        }
        if (changed.empty())
            return false;
        // A line the full read would ask its level (its text ends a
        // heading's name), before or after: it may be a heading. So may a
        // heading's line or one in a table, or breaks moved between lines
        // (one joined, one split) around a tag: the cursor reads those.
        std::vector<OUString> texts;
        for (const OUString& h : keep.headings)
            texts.push_back(h.endsWith("|outline") ? h.copy(0, h.getLength() - 8) : h);
        auto candidate = [&](const OUString& line)
        {
            if (line.isEmpty())
                return false;
            for (const OUString& t : texts)
                if (t.endsWith(line) && t.getLength() - line.getLength() < 64)
                    return true;
            return false;
        };
        bool simple = true;
        for (const auto& [i, line] : changed)
        {
            const std::size_t p = keep.paragraph_of[i];
            if (p == kNone || p >= state.doc.paragraphs.size() ||
                state.doc.paragraphs[p].outline_level != 0 || candidate(line) ||
                candidate(old_line(i)))
                simple = false;
        }
        if (simple && changed.size() > 1)
        {
            const std::size_t first = keep.paragraph_of[changed.front().first];
            const std::size_t last = keep.paragraph_of[changed.back().first];
            for (const Tag& t : state.doc.tags)
                if (t.last >= first && t.paragraph <= last)
                    simple = false;
        }
        if (!simple)
        {
            if (!patch_region(model, state, whole, from, to, to_new, names))
                return false;
            recompute();
            return true;
        }
        for (const auto& [i, line] : changed)
            state.doc.paragraphs[keep.paragraph_of[i]].text = to_utf8(line);
        keep.starts = splice_starts(keep.starts, from, to, new_starts, new_len - old_len);
        keep.text = whole;
        recompute();
        return true;
    }
    catch (const uno::Exception&)
    {
        keep.valid = false; // the state may be half patched: the full read replaces it
        return false;
    }
    catch (const std::exception&)
    {
        keep.valid = false;
        return false;
    }
}

} // namespace scrqm::lo
