from concert.cli import main

main()
