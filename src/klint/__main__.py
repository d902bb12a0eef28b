from klint.cli import main

raise SystemExit(main())
