#include "templates.hxx"

#include "convert.hxx"
#include "external_links.hxx"
#include "prelude.hxx"
#include "reader.hxx"
#include "uno_helpers.hxx"

#include <scrqm/formats.hxx>
#include <scrqm/json.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/report_items.hxx>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentInsertable.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace scrqm::lo
{

namespace
{

bool ends_with(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The first cell of the action table's header row: how the table is known
// again after insertion (Writer renames tables whose names clash).
constexpr const char* kActionHeader = "Finding or recommendation";

OUString to_url(const std::string& path_or_url)
{
    if (path_or_url.rfind("file:", 0) == 0)
        return to_ou(path_or_url);
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(to_ou(path_or_url), url) != osl::FileBase::E_None)
        throw lang::IllegalArgumentException("not a file path: " + to_ou(path_or_url),
                                             Reference<uno::XInterface>(), 0);
    return url;
}

std::vector<ReportItem> items_of(const Reference<frame::XModel>& model)
{
    if (!model.is())
        return {};
    Reference<text::XTextDocument> text(model, UNO_QUERY);
    if (!text.is())
        return {};
    return extract_report_items(read_document(model, to_utf8(model->getURL())));
}

std::vector<ReportItem> items_from_file(const Reference<uno::XComponentContext>& context,
                                        const std::string& from)
{
    // A FIFO, a device or a zip bomb given as the report is refused before
    // the office opens it: it would hang or exhaust the user's office.
    precheck_office_file(from, format_of(from));
    Reference<frame::XComponentLoader> loader(frame::Desktop::create(context), UNO_QUERY_THROW);
    // The report is read, never followed: nothing it links to is fetched
    // (external_links.hxx), in the user's office as in the command line's.
    const uno::Sequence<beans::PropertyValue> media = hidden_load_arguments();
    Reference<lang::XComponent> component;
    std::optional<ExternalLinksBlocked> blocked; // until the report is closed
    try
    {
        blocked.emplace(context);
        component = loader->loadComponentFromURL(to_url(from), "_blank", 0, media);
    }
    catch (const uno::Exception& e)
    {
        throw std::runtime_error("cannot open the report " + from + ": " + to_utf8(e.Message));
    }
    Reference<frame::XModel> model(component, UNO_QUERY);
    if (!model.is())
    {
        close(component);
        throw std::runtime_error("cannot open the report " + from);
    }
    std::vector<ReportItem> items;
    try
    {
        items = items_of(model);
    }
    catch (...)
    {
        close(component);
        throw;
    }
    close(component);
    return items;
}

std::set<OUString> table_names(const Reference<frame::XModel>& model)
{
    std::set<OUString> out;
    Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return out;
    const auto names = supplier->getTextTables()->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
        out.insert(names[i]);
    return out;
}

Reference<text::XTextTable> action_table(const Reference<frame::XModel>& model,
                                         const std::set<OUString>& before)
{
    Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return {};
    Reference<container::XNameAccess> tables = supplier->getTextTables();
    const auto names = tables->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
    {
        if (before.count(names[i]))
            continue;
        Reference<text::XTextTable> table(tables->getByName(names[i]), UNO_QUERY);
        Reference<text::XText> a1(table.is() ? table->getCellByName("A1") : nullptr, UNO_QUERY);
        if (a1.is() && a1->getString() == OUString::createFromAscii(kActionHeader))
            return table;
    }
    return {};
}

// A placeholder field as the template row has it (text and hint).
struct Placeholder
{
    OUString text, hint;
};

std::vector<Placeholder> placeholders_in(const Reference<text::XText>& cell)
{
    std::vector<Placeholder> out;
    Reference<container::XEnumerationAccess> paragraphs(cell, UNO_QUERY);
    if (!paragraphs.is())
        return out;
    auto pe = paragraphs->createEnumeration();
    while (pe->hasMoreElements())
    {
        Reference<container::XEnumerationAccess> portions(pe->nextElement(), UNO_QUERY);
        if (!portions.is())
            continue;
        auto it = portions->createEnumeration();
        while (it->hasMoreElements())
        {
            Reference<beans::XPropertySet> portion(it->nextElement(), UNO_QUERY);
            OUString type;
            if (!portion.is() || !(portion->getPropertyValue("TextPortionType") >>= type) ||
                type != "TextField")
                continue;
            Reference<beans::XPropertySet> field(portion->getPropertyValue("TextField"), UNO_QUERY);
            Placeholder p;
            if (field.is() && (field->getPropertyValue("PlaceHolder") >>= p.text))
            {
                field->getPropertyValue("Hint") >>= p.hint;
                out.push_back(p);
            }
        }
    }
    return out;
}

void put_placeholder(const Reference<lang::XMultiServiceFactory>& factory,
                     const Reference<text::XText>& cell, const Placeholder& p)
{
    Reference<beans::XPropertySet> field(
        factory->createInstance("com.sun.star.text.TextField.JumpEdit"), UNO_QUERY_THROW);
    field->setPropertyValue("PlaceHolder", uno::Any(p.text));
    field->setPropertyValue("Hint", uno::Any(p.hint));
    field->setPropertyValue("PlaceHolderType", uno::Any(sal_Int16(0))); // text
    Reference<text::XTextCursor> cursor = cell->createTextCursor();
    cursor->gotoEnd(false);
    cell->insertTextContent(Reference<text::XTextRange>(cursor, UNO_QUERY_THROW),
                            Reference<text::XTextContent>(field, UNO_QUERY_THROW), false);
}

// One row per finding and recommendation: its label and text in the first
// column, the template row's placeholders in the others.
std::size_t fill_action_table(const Reference<frame::XModel>& model,
                              const Reference<text::XTextTable>& table,
                              const std::vector<ReportItem>& items)
{
    if (!table.is() || items.empty())
        return 0;
    const auto columns = table->getColumns()->getCount();
    std::vector<std::vector<Placeholder>> row_template;
    for (sal_Int32 c = 0; c < columns; ++c)
    {
        const OUString name = OUString(sal_Unicode('A' + c)) + "2";
        row_template.push_back(
            placeholders_in(Reference<text::XText>(table->getCellByName(name), UNO_QUERY)));
    }
    if (items.size() > 1)
        table->getRows()->insertByIndex(2, static_cast<sal_Int32>(items.size() - 1));
    Reference<lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        const OUString row = OUString::number(static_cast<sal_Int64>(i + 2));
        const ReportItem& item = items[i];
        std::string first = item.text.substr(0, item.text.find('\n'));
        if (!item.title.empty())
            first = item.title;
        Reference<text::XText> a(table->getCellByName("A" + row), UNO_QUERY_THROW);
        a->setString(to_ou(item.label + (first.empty() ? "" : ": " + first)));
        for (sal_Int32 c = 1; c < columns; ++c)
        {
            Reference<text::XText> cell(table->getCellByName(OUString(sal_Unicode('A' + c)) + row),
                                        UNO_QUERY_THROW);
            if (i == 0)
                continue; // the template row keeps its own placeholders
            cell->setString(OUString());
            for (const Placeholder& p : row_template[static_cast<std::size_t>(c)])
                put_placeholder(factory, cell, p);
        }
    }
    return items.size();
}

// Where the user's cursor is; the end of the body text without a view.
Reference<text::XTextCursor> insertion_point(const Reference<frame::XModel>& model)
{
    Reference<text::XTextViewCursorSupplier> view(
        model->getCurrentController().is() ? model->getCurrentController() : nullptr, UNO_QUERY);
    if (view.is())
    {
        Reference<text::XTextRange> at(view->getViewCursor(), UNO_QUERY);
        if (at.is() && at->getText().is())
            return at->getText()->createTextCursorByRange(at->getStart());
    }
    Reference<text::XTextDocument> doc(model, UNO_QUERY_THROW);
    Reference<text::XTextCursor> cursor = doc->getText()->createTextCursor();
    cursor->gotoEnd(false);
    return cursor;
}

std::string filter_for(const std::string& output)
{
    auto ends = [&](const char* ext)
    {
        const std::string e(ext);
        if (output.size() < e.size())
            return false;
        std::string tail = output.substr(output.size() - e.size());
        for (char& ch : tail)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return tail == e;
    };
    if (ends(".odt"))
        return "writer8";
    if (ends(".docx"))
        return "MS Word 2007 XML";
    throw std::runtime_error("Output must end in .odt or .docx: " + output);
}

} // namespace

std::string insert_template(const Reference<uno::XComponentContext>& context,
                            const std::string& extension_dir, const TemplateRequest& request)
{
    const auto& names = template_names();
    if (std::find(names.begin(), names.end(), request.name) == names.end())
        throw std::runtime_error("unknown Template \"" + request.name +
                                 "\" (one of: " + template_list() + ")");
    // Each kind's response has the action table; the undo step is named
    // after what was inserted, whatever the kind.
    const bool response = ends_with(request.name, "board-response");
    const std::string undo_title = response ? "Insert board response" : "Insert terms of reference";
    const std::string where = request.where.empty() ? "cursor" : request.where;
    if (where != "cursor" && where != "new")
        throw std::runtime_error("unknown Where \"" + where + "\" (one of: cursor, new)");
    if (!request.output.empty() && where != "new")
        throw std::runtime_error("Output needs Where=new");
    if (!request.output.empty())
        (void)filter_for(request.output); // fail before any work
    const std::string ott = extension_dir + "/templates/scrqm/" + request.name + ".ott";
    if (::access(ott.c_str(), R_OK) != 0)
        throw std::runtime_error("the template " + ott + " is missing from the extension");

    // The report's findings and recommendations pre-fill the response.
    std::vector<ReportItem> items;
    if (response && !request.from.empty())
        items = items_from_file(context, request.from);
    else if (response)
        items = items_of(request.document);

    Reference<frame::XModel> target;
    std::size_t rows = 0;
    if (where == "cursor")
    {
        target = request.document;
        if (!target.is())
            throw std::runtime_error("no document to insert into");
        Reference<text::XTextDocument> text(target, UNO_QUERY);
        if (!text.is())
            throw std::runtime_error("templates go into Writer documents only");
        const std::set<OUString> before = table_names(target);
        Reference<document::XUndoManagerSupplier> undo_supplier(target, UNO_QUERY);
        Reference<document::XUndoManager> undo = undo_supplier.is()
                                                     ? undo_supplier->getUndoManager()
                                                     : Reference<document::XUndoManager>();
        if (undo.is())
            undo->enterUndoContext(to_ou(undo_title));
        try
        {
            // After the insertion the cursor spans the inserted text.
            Reference<text::XTextCursor> inserted = insertion_point(target);
            Reference<document::XDocumentInsertable>(inserted, UNO_QUERY_THROW)
                ->insertDocumentFromURL(to_url(ott), {});
            if (response)
                rows = fill_action_table(target, action_table(target, before), items);
            // The template is written in English (UK), but inserted text takes
            // the language of the document's own default style (often English
            // (USA)): it is set on what was inserted, in the same undo step.
            Reference<beans::XPropertySet>(inserted, UNO_QUERY_THROW)
                ->setPropertyValue("CharLocale", uno::Any(lang::Locale("en", "GB", "")));
        }
        catch (...)
        {
            // Whatever was inserted before the failure goes again: the
            // document is left as it was.
            if (undo.is())
            {
                undo->leaveUndoContext();
                try
                {
                    if (undo->isUndoPossible() &&
                        undo->getCurrentUndoActionTitle() == to_ou(undo_title))
                        undo->undo();
                }
                catch (const uno::Exception&)
                {
                }
            }
            throw;
        }
        if (undo.is())
            undo->leaveUndoContext();
    }
    else
    {
        Reference<frame::XComponentLoader> loader(frame::Desktop::create(context), UNO_QUERY_THROW);
        uno::Sequence<beans::PropertyValue> media(2);
        media[0] = prop("AsTemplate", uno::Any(true));
        media[1] = prop("Hidden", uno::Any(request.hidden || !request.output.empty()));
        target.set(loader->loadComponentFromURL(to_url(ott), "_blank", 0, media), UNO_QUERY);
        if (!target.is())
            throw std::runtime_error("LibreOffice could not open the template " + ott);
        try
        {
            if (response)
                rows = fill_action_table(target, action_table(target, {}), items);
            if (!request.output.empty())
            {
                uno::Sequence<beans::PropertyValue> store(2);
                store[0] = prop("FilterName", uno::Any(to_ou(filter_for(request.output))));
                store[1] = prop("Overwrite", uno::Any(true));
                Reference<frame::XStorable>(target, UNO_QUERY_THROW)
                    ->storeToURL(to_url(request.output), store);
            }
        }
        catch (...)
        {
            close(target);
            throw;
        }
        if (!request.output.empty())
            close(target);
    }

    std::size_t findings = 0;
    for (const ReportItem& item : items)
        findings += item.kind == ReportItem::Kind::Finding;
    JsonWriter w;
    w.begin_object()
        .member("template", request.name)
        .member("where", where)
        .member("findings", static_cast<std::uint64_t>(findings))
        .member("recommendations", static_cast<std::uint64_t>(items.size() - findings))
        .member("rows", static_cast<std::uint64_t>(rows));
    if (!request.output.empty())
        w.member("output", request.output);
    if (where == "cursor")
        w.member("undo", undo_title);
    w.key("items").begin_array();
    for (const ReportItem& item : items)
        w.begin_object()
            .member("kind", to_string(item.kind))
            .member("label", item.label)
            .member("title", item.title)
            .end_object();
    w.end_array().end_object();
    return w.take();
}

} // namespace scrqm::lo
