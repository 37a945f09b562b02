import DossierCLI

DossierCommand.main()
