' The macro API's Basic example (docs/macro-api.md#examples): the outline of the
' current document as JSON.
' Paste into Tools > Macros > Edit Macros (My Macros > Standard) and run Outline.
Function ScrqmCall(action As String, doc As Object) As String
    Dim args(1) As New com.sun.star.beans.NamedValue
    args(0).Name = "Action"   : args(0).Value = action
    args(1).Name = "Document" : args(1).Value = doc
    ScrqmCall = createUnoService("org.scrqm.ReviewAssistant").execute(args())
End Function

Sub Outline
    MsgBox ScrqmCall("outline", ThisComponent)
End Sub
