// "Apply heading styles": the headings the outline inference found in a
// report written without heading styles get Heading 1..6, so that Writer's
// navigator, the sidebar and tags work on them. One undo step; the bold and
// size typed on them are left to the style.
#include "reader.hxx"

#include "convert.hxx"
#include "prelude.hxx"
#include "undo_context.hxx"

#include <scrqm/json.hxx>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>

namespace scrqm::lo
{

std::string apply_heading_styles(const Reference<frame::XModel>& model, const std::string& file)
{
    std::vector<Reference<uno::XInterface>> sources;
    const Document doc = read_document(model, file, &sources);
    std::vector<std::pair<Reference<beans::XPropertySet>, int>> todo;
    for (std::size_t i = 0; i < doc.paragraphs.size() && i < sources.size(); ++i)
    {
        const Paragraph& p = doc.paragraphs[i];
        if (p.where == Where::Body && p.heading_inferred && p.outline_level > 0)
            todo.emplace_back(Reference<beans::XPropertySet>(sources[i], UNO_QUERY),
                              p.outline_level);
    }
    std::size_t applied = 0;
    if (!todo.empty())
    {
        UndoContext undo(model, "Apply heading styles");
        for (const auto& [props, level] : todo)
        {
            if (!props.is())
                continue;
            props->setPropertyValue(
                "ParaStyleName",
                uno::Any(OUString::createFromAscii(("Heading " + std::to_string(level)).c_str())));
            // The look typed on the paragraph gives way to the style's.
            Reference<beans::XPropertyState> state(props, UNO_QUERY);
            if (state.is())
                for (const char* name : {"CharWeight", "CharHeight"})
                    state->setPropertyToDefault(OUString::createFromAscii(name));
            ++applied;
        }
    }
    JsonWriter w;
    w.begin_object().member("applied", static_cast<std::uint64_t>(applied)).end_object();
    return w.take();
}

} // namespace scrqm::lo
