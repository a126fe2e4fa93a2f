// A test's document of body paragraphs, written as a list: {text} or
// {text, outline level}, paragraph i at index i. The tests build many such
// reports; one helper keeps each test to its lines of text.
#pragma once

#include <scrqm/model.hxx>

#include <initializer_list>
#include <string>

struct BodyLine
{
    std::string text;
    int level = 0;
};

inline scrqm::Document body_doc(std::initializer_list<BodyLine> lines)
{
    scrqm::Document doc;
    for (const BodyLine& line : lines)
        doc.add(scrqm::Where::Body, line.text, line.level);
    return doc;
}
