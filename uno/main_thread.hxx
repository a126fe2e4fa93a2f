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
// any thread: a macro over a UNO bridge calls in on the bridge's thread,
// outside the SolarMutex, while the main thread may be reading the same
// document or refreshing the same panels (and some of Writer's API is not
// safe so). Runs `work` at once when already there. If the main thread has
// not started it within `start_limit_s`, the caller probably holds the
// SolarMutex the main thread waits for (Basic run through a bridge does):
// then the main thread cannot run meanwhile, and `work` runs here instead.
// Exceptions from `work` reach the caller.
void run_on_main_thread(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    std::function<void()> work, double start_limit_s = 2.0);

} // namespace scrqm::lo
