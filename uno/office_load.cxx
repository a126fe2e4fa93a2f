// Opening documents in the command line's office: see office_load.hxx.
#include "office_load.hxx"

#include "convert.hxx"
#include "office_process.hxx"
#include "uno_helpers.hxx"

#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XTypeDetection.hpp>
#include <com/sun/star/frame/XLoadable.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <rtl/ref.hxx>

using namespace com::sun::star;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;
using scrqm::lo::prop;

namespace scrqm::office
{

// The filter LibreOffice chose tells whether a file was what it claimed to
// be: a garbage ".docx" is otherwise opened happily as plain text.
bool filter_matches(Format format, const std::string& filter)
{
    auto has = [&](const char* s) { return filter.find(s) != std::string::npos; };
    switch (format)
    {
    case Format::Docx:
        return has("Word 2007") || has("Office Open XML") || has("Word 2010") || has("Word 2013") ||
               has("Word 2016");
    case Format::Doc:
        return has("MS Word 97") || has("MS Word 95") || has("MS WinWord");
    case Format::Odt:
    case Format::Fodt:
        return has("writer8") || has("OpenDocument") || has("StarOffice XML");
    case Format::Rtf:
        return has("Rich Text");
    default:
        return true;
    }
}

// What a filter reads, in words (never LibreOffice's internal filter name).
std::string kind_of(const std::string& filter)
{
    auto has = [&](const char* s) { return filter.find(s) != std::string::npos; };
    if (has("writer8") || has("OpenDocument") || has("StarOffice XML"))
        return "an OpenDocument text";
    if (has("Word 2007") || has("Office Open XML") || has("Word 201"))
        return "a Word .docx document";
    if (has("MS Word 9") || has("MS WinWord"))
        return "a Word 97-2003 .doc document";
    if (has("Rich Text"))
        return "an RTF document";
    if (has("HTML"))
        return "a web page (HTML)";
    if (has("Text"))
        return "plain text";
    return "another kind of file";
}

std::string kind_of(Format format)
{
    switch (format)
    {
    case Format::Docx:
        return "a Word .docx document";
    case Format::Doc:
        return "a Word 97-2003 .doc document";
    case Format::Odt:
    case Format::Fodt:
        return "an OpenDocument text";
    case Format::Rtf:
        return "an RTF document";
    default:
        return "a document";
    }
}

// No "Referer": LibreOffice takes the document's own URL as the referer
// of what it links to, which external_links.hxx blocks; a Referer given
// here would make type detection refuse the document itself.
uno::Sequence<beans::PropertyValue> load_arguments(const Reference<LoadHandler>& handler)
{
    uno::Sequence<beans::PropertyValue> media = lo::hidden_load_arguments();
    media.realloc(media.getLength() + 1);
    media[media.getLength() - 1] =
        prop("InteractionHandler", uno::Any(Reference<task::XInteractionHandler>(handler.get())));
    return media;
}

// Loads a Writer document as a bare model, with no frame and no view,
// so that Writer lays out no pages: for a 300-page report, formatting
// pages that nobody sees took longer than reading and checking them.
// Returns nothing when the file is not plainly a Writer document of its
// kind or does not load this way; the caller then loads it the usual
// way, which also words any problem exactly as before.
Reference<frame::XModel> load_model(const Reference<uno::XComponentContext>& remote,
                                    const std::string& path, Format format)
{
    Reference<lang::XComponent> component;
    try
    {
        const OUString url = file_url(path);
        Reference<lang::XMultiComponentFactory> smgr = remote->getServiceManager();
        Reference<document::XTypeDetection> detection(
            smgr->createInstanceWithContext("com.sun.star.document.TypeDetection", remote),
            UNO_QUERY_THROW);
        uno::Sequence<beans::PropertyValue> descriptor(1);
        descriptor[0] = prop("URL", uno::Any(url));
        const OUString type = detection->queryTypeByDescriptor(descriptor, true);
        OUString filter;
        for (sal_Int32 i = 0; i < descriptor.getLength(); ++i)
            if (descriptor[i].Name == "FilterName")
                descriptor[i].Value >>= filter;
        Reference<container::XNameAccess> types(detection, UNO_QUERY_THROW);
        if (filter.isEmpty() && !type.isEmpty() && types->hasByName(type))
        {
            uno::Sequence<beans::PropertyValue> props;
            types->getByName(type) >>= props;
            for (sal_Int32 i = 0; i < props.getLength(); ++i)
                if (props[i].Name == "PreferredFilter")
                    props[i].Value >>= filter;
        }
        if (filter.isEmpty() || !filter_matches(format, lo::to_utf8(filter)))
            return {};
        Reference<container::XNameAccess> filters(
            smgr->createInstanceWithContext("com.sun.star.document.FilterFactory", remote),
            UNO_QUERY_THROW);
        OUString service;
        if (filters->hasByName(filter))
        {
            uno::Sequence<beans::PropertyValue> props;
            filters->getByName(filter) >>= props;
            for (sal_Int32 i = 0; i < props.getLength(); ++i)
                if (props[i].Name == "DocumentService")
                    props[i].Value >>= service;
        }
        if (service != "com.sun.star.text.TextDocument")
            return {};
        rtl::Reference<LoadHandler> handler(new LoadHandler);
        component.set(smgr->createInstanceWithContext(service, remote), UNO_QUERY_THROW);
        Reference<frame::XLoadable> loadable(component, UNO_QUERY_THROW);
        uno::Sequence<beans::PropertyValue> media = load_arguments(handler.get());
        media.realloc(media.getLength() + 2);
        media[media.getLength() - 2] = prop("URL", uno::Any(url));
        media[media.getLength() - 1] = prop("FilterName", uno::Any(filter));
        loadable->load(media);
        Reference<frame::XModel> model(component, UNO_QUERY_THROW);
        if (handler->problem.load() != LoadHandler::Problem::None)
        {
            close_component(component);
            return {};
        }
        return model;
    }
    catch (const uno::Exception&)
    {
        hold_if_interrupted();
        close_component(component);
        throw;
    }
}

void close_component(const Reference<lang::XComponent>& component)
{
    try
    {
        Reference<util::XCloseable> closeable(component, UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
        else if (component.is())
            component->dispose();
    }
    catch (const uno::Exception&)
    {
    }
}

} // namespace scrqm::office
