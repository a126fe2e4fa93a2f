// One undo step for a run of edits: entered on construction, left however the
// edits end (an exception leaves it too, so Writer's undo stack stays whole).
#pragma once

#include "convert.hxx"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <string>

namespace scrqm::lo
{

class UndoContext
{
public:
    UndoContext(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                const std::string& title)
    {
        com::sun::star::uno::Reference<com::sun::star::document::XUndoManagerSupplier> supplier(
            model, com::sun::star::uno::UNO_QUERY);
        if (supplier.is())
            undo_ = supplier->getUndoManager();
        if (undo_.is())
            undo_->enterUndoContext(to_ou(title));
    }
    ~UndoContext()
    {
        try
        {
            if (undo_.is())
                undo_->leaveUndoContext();
        }
        catch (...)
        {
        }
    }
    UndoContext(const UndoContext&) = delete;
    UndoContext& operator=(const UndoContext&) = delete;

private:
    com::sun::star::uno::Reference<com::sun::star::document::XUndoManager> undo_;
};

} // namespace scrqm::lo
