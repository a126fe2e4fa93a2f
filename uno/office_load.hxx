// Opening documents in the command line's office (office_client.cxx): the
// interaction handlers that answer for a headless office, the load
// arguments, the frameless load of a Writer model, and whether the filter
// LibreOffice chose matches what the file's name says.
#pragma once

#include <scrqm/formats.hxx>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/BrokenPackageRequest.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/task/DocumentMSPasswordRequest.hpp>
#include <com/sun/star/task/DocumentMSPasswordRequest2.hpp>
#include <com/sun/star/task/DocumentPasswordRequest.hpp>
#include <com/sun/star/task/DocumentPasswordRequest2.hpp>
#include <com/sun/star/task/ErrorCodeRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase3.hxx>

#include <atomic>
#include <string>

namespace scrqm::office
{

using com::sun::star::uno::Reference;
namespace css = com::sun::star;

// Approves what an unattended install must approve (the licence).
class InstallEnvironment
    : public cppu::WeakImplHelper3<css::ucb::XCommandEnvironment, css::task::XInteractionHandler,
                                   css::ucb::XProgressHandler>
{
public:
    Reference<css::task::XInteractionHandler> SAL_CALL getInteractionHandler() override
    {
        return this;
    }
    Reference<css::ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return this; }
    void SAL_CALL handle(const Reference<css::task::XInteractionRequest>& request) override
    {
        const auto continuations = request->getContinuations();
        for (sal_Int32 i = 0; i < continuations.getLength(); ++i)
        {
            Reference<css::task::XInteractionApprove> approve(continuations[i],
                                                              css::uno::UNO_QUERY);
            if (approve.is())
            {
                approve->select();
                return;
            }
        }
    }
    void SAL_CALL push(const css::uno::Any&) override {}
    void SAL_CALL update(const css::uno::Any&) override {}
    void SAL_CALL pop() override {}
};

// Records why a document could not be loaded and aborts: a headless office
// must never wait for an answer (password prompt, repair question).
class LoadHandler : public cppu::WeakImplHelper1<css::task::XInteractionHandler>
{
public:
    enum class Problem
    {
        None,
        Password,
        Broken,
        Other
    };

    void SAL_CALL handle(const Reference<css::task::XInteractionRequest>& request) override
    {
        const css::uno::Any r = request->getRequest();
        if (r.isExtractableTo(cppu::UnoType<css::task::DocumentPasswordRequest>::get()) ||
            r.isExtractableTo(cppu::UnoType<css::task::DocumentPasswordRequest2>::get()) ||
            r.isExtractableTo(cppu::UnoType<css::task::DocumentMSPasswordRequest>::get()) ||
            r.isExtractableTo(cppu::UnoType<css::task::DocumentMSPasswordRequest2>::get()))
            problem = Problem::Password;
        else if (r.isExtractableTo(cppu::UnoType<css::document::BrokenPackageRequest>::get()) ||
                 r.isExtractableTo(cppu::UnoType<css::task::ErrorCodeRequest>::get()))
        {
            if (problem.load() != Problem::Password)
                problem = Problem::Broken;
        }
        else if (problem.load() == Problem::None)
            problem = Problem::Other;
        const auto continuations = request->getContinuations();
        for (sal_Int32 i = 0; i < continuations.getLength(); ++i)
        {
            Reference<css::task::XInteractionAbort> abort(continuations[i], css::uno::UNO_QUERY);
            if (abort.is())
            {
                abort->select();
                return;
            }
        }
    }

    std::atomic<Problem> problem{Problem::None};
};

// The filter LibreOffice chose tells whether a file was what it claimed to
// be: a garbage ".docx" is otherwise opened happily as plain text.
bool filter_matches(Format format, const std::string& filter);
// What a filter reads, in words (never LibreOffice's internal filter name).
std::string kind_of(const std::string& filter);
std::string kind_of(Format format);

// The media descriptor of every load: hidden, read-only, no macros, no links.
css::uno::Sequence<css::beans::PropertyValue> load_arguments(const Reference<LoadHandler>& handler);

// Loads a Writer document as a bare model, with no frame and no view (see
// office_load.cxx). Empty when it does not load this way; rethrows what
// the office threw, for the caller to tell a stopped office apart.
Reference<css::frame::XModel> load_model(const Reference<css::uno::XComponentContext>& remote,
                                         const std::string& path, Format format);

// Closes a document (or disposes what cannot be closed); never throws.
void close_component(const Reference<css::lang::XComponent>& component);

} // namespace scrqm::office
