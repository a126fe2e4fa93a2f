// Running work on the office's main thread.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>

namespace scrqm::lo
{

// True on the office's main thread (the process's first thread on Linux),
// where the toolkit calls the panels and the SolarMutex serialises them.
bool on_main_thread();

// Runs `work` on the main thread and waits for it. A command can arrive on
// any thread: a macro over a UNO bridge calls dispatch() on the bridge's
// thread, outside the SolarMutex, while the main thread may be refreshing
// the same panels. Runs `work` at once when already there. If the main
// thread has not started it within `start_limit_s` (the caller may hold
// the SolarMutex the main thread needs), it is dropped, false is returned,
// and it never runs. Exceptions from `work` stay on the main thread.
bool run_on_main_thread(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    std::function<void()> work, double start_limit_s = 20.0);

} // namespace scrqm::lo
