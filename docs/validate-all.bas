REM DealSheet: validate every open workbook from a Basic macro.
REM Tools > Macros > Edit Macros, paste into a module, run ShowValidation.
Function ValidateAllOpenWorkbooks() As String
    Dim toolkit As Object, components As Object, doc As Object, summary As Object
    Dim result As String
    toolkit = createUnoService("org.dealsheet.calc.Toolkit")
    components = StarDesktop.Components.createEnumeration()
    Do While components.hasMoreElements()
        doc = components.nextElement()
        If doc.supportsService("com.sun.star.sheet.SpreadsheetDocument") Then
            If doc.isReadonly() Then
                result = result & doc.Title & ": read-only, not validated" & Chr(10)
            Else
                summary = toolkit.validate(doc)
                If summary.SheetsChecked > 0 Then
                    result = result & doc.Title & ": " & summary.Errors & " errors, " _
                             & summary.Warnings & " warnings" & Chr(10)
                End If
            End If
        End If
    Loop
    ValidateAllOpenWorkbooks = result
End Function

Sub ShowValidation
    MsgBox ValidateAllOpenWorkbooks(), 0, "DealSheet"
End Sub
